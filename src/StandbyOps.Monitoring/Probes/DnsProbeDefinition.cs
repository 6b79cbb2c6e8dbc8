namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// A DNS check: <see cref="Name"/> resolves to at least one address of <see cref="RecordType"/>
/// through the host's resolver. Only <c>A</c> and <c>AAAA</c> are supported: the system resolver
/// answers address lookups only, so MX, TXT, CNAME… are rejected here rather than silently mis-checked.
/// </summary>
public sealed record DnsProbeDefinition : ProbeDefinition
{
    public const string DefaultRecordType = "A";

    public DnsProbeDefinition(string name, TimeSpan timeout, string recordType = DefaultRecordType)
        : base(timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Uri.CheckHostName(name) != UriHostNameType.Dns)
        {
            throw new ArgumentException($"'{name}' is not a DNS name.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        RecordType = recordType.ToUpperInvariant() switch
        {
            "A" => "A",
            "AAAA" => "AAAA",
            _ => throw new ArgumentException($"DNS record type '{recordType}' is not supported (A or AAAA).", nameof(recordType)),
        };
        Name = name;
    }

    public string Name { get; }

    /// <summary><c>A</c> or <c>AAAA</c>.</summary>
    public string RecordType { get; }
}
