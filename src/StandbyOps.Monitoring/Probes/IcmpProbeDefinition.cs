namespace StandbyOps.Monitoring.Probes;

/// <summary>An ICMP check: <see cref="Host"/> answers an echo request.</summary>
public sealed record IcmpProbeDefinition : ProbeDefinition
{
    public IcmpProbeDefinition(string host, TimeSpan timeout)
        : base(timeout)
    {
        Host = ProbePreconditions.Host(host, nameof(host));
    }

    public string Host { get; }
}
