namespace StandbyOps.Monitoring.Probes;

/// <summary>A TCP check: a connection to <see cref="Host"/>:<see cref="Port"/> is accepted (and closed at once).</summary>
public sealed record TcpProbeDefinition : ProbeDefinition
{
    public TcpProbeDefinition(string host, int port, TimeSpan timeout)
        : base(timeout)
    {
        Host = ProbePreconditions.Host(host, nameof(host));
        Port = ProbePreconditions.Port(port, nameof(port));
    }

    public string Host { get; }

    public int Port { get; }
}
