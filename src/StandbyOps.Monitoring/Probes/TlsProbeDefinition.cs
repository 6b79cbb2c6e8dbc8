namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// A TLS certificate check: the handshake with <see cref="Host"/>:<see cref="Port"/> succeeds and the
/// server certificate is valid for at least <see cref="MinDaysLeft"/> more whole days.
/// </summary>
public sealed record TlsProbeDefinition : ProbeDefinition
{
    public const int DefaultPort = 443;
    public const int DefaultMinDaysLeft = 14;

    public TlsProbeDefinition(
        string host,
        TimeSpan timeout,
        int port = DefaultPort,
        int minDaysLeft = DefaultMinDaysLeft,
        bool allowUntrustedCertificates = false)
        : base(timeout)
    {
        Host = ProbePreconditions.Host(host, nameof(host));
        Port = ProbePreconditions.Port(port, nameof(port));
        MinDaysLeft = minDaysLeft >= 0
            ? minDaysLeft
            : throw new ArgumentOutOfRangeException(nameof(minDaysLeft), minDaysLeft, "minDaysLeft cannot be negative.");
        AllowUntrustedCertificates = allowUntrustedCertificates;
    }

    public string Host { get; }

    public int Port { get; }

    public int MinDaysLeft { get; }

    /// <summary>
    /// Accept a certificate whose chain does not lead to a trusted root. Exists only for tests and
    /// private CAs not in the system store; the host name and the validity dates are still checked.
    /// </summary>
    public bool AllowUntrustedCertificates { get; }
}
