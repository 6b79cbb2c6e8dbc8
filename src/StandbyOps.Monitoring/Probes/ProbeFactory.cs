using NodaTime;

namespace StandbyOps.Monitoring.Probes;

/// <summary>Builds the <see cref="IProbe"/> for a check's definition; registered by <see cref="ProbeServiceCollectionExtensions.AddProbes"/>.</summary>
public sealed class ProbeFactory(IHttpClientFactory httpClientFactory, IClock clock)
{
    /// <summary>The named <see cref="HttpClient"/> HTTP probes use; configured by <c>AddProbes()</c>.</summary>
    public const string HttpClientName = "probes";

    public IProbe Create(ProbeDefinition definition) => definition switch
    {
        HttpProbeDefinition http => new HttpProbe(http, httpClientFactory.CreateClient(HttpClientName)),
        TcpProbeDefinition tcp => new TcpProbe(tcp),
        DnsProbeDefinition dns => new DnsProbe(dns),
        IcmpProbeDefinition icmp => new IcmpProbe(icmp),
        TlsProbeDefinition tls => new TlsProbe(tls, clock),
        null => throw new ArgumentNullException(nameof(definition)),
        _ => throw new ArgumentException($"No probe exists for {definition.GetType().Name}.", nameof(definition)),
    };
}
