namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// Thrown by the probe HTTP handler's certificate callback so the probe can report why the
/// handshake failed; the shared handler has no other per-request channel back to the probe.
/// </summary>
internal sealed class CertificateRejectedException(string problem)
    : Exception($"The server certificate was rejected: {problem}.")
{
    public string Problem { get; } = problem;
}
