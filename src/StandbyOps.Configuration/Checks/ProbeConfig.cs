using NodaTime;

namespace StandbyOps.Configuration.Checks;

/// <summary>What a check probes; exactly one kind per check.</summary>
public abstract record ProbeConfig;

/// <summary>
/// HTTP(S) request: <see cref="Method"/> default GET, <see cref="ExpectStatus"/> default [200],
/// optional body substring, latency limit and request headers (header values may hold secrets and are
/// not printed by <see cref="ToString"/>).
/// </summary>
public sealed record HttpProbeConfig(
    Uri Url,
    string Method,
    IReadOnlyList<int> ExpectStatus,
    string? BodyContains,
    Duration? MaxLatency,
    IReadOnlyDictionary<string, string> Headers) : ProbeConfig
{
    public const string DefaultMethod = "GET";

    public static readonly IReadOnlyList<int> DefaultExpectStatus = [200];

    public override string ToString() => $"http {Method} {Url}";
}

/// <summary>TCP connect to <see cref="Host"/>:<see cref="Port"/>.</summary>
public sealed record TcpProbeConfig(string Host, int Port) : ProbeConfig;

/// <summary>DNS lookup of <see cref="Name"/> for a record of <see cref="RecordType"/> (default A).</summary>
public sealed record DnsProbeConfig(string Name, string RecordType) : ProbeConfig
{
    public const string DefaultRecordType = "A";
}

/// <summary>ICMP echo to <see cref="Host"/>.</summary>
public sealed record IcmpProbeConfig(string Host) : ProbeConfig;

/// <summary>TLS handshake to <see cref="Host"/>:<see cref="Port"/> (default 443); fails when the certificate expires within <see cref="MinDaysLeft"/> days (default 14).</summary>
public sealed record TlsProbeConfig(string Host, int Port, int MinDaysLeft) : ProbeConfig
{
    public const int DefaultPort = 443;
    public const int DefaultMinDaysLeft = 14;
}
