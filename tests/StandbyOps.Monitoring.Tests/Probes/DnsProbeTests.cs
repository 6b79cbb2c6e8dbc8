using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class DnsProbeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ProbeServices _services = new(new FakeClock(TestCertificates.Fixed));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Localhost_resolves_to_the_loopback_address()
    {
        var result = await Run(new DnsProbeDefinition("localhost", Timeout));

        Assert.True(result.Success, result.Reason);
        Assert.Contains("127.0.0.1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_under_dot_invalid_fails_with_a_DNS_reason()
    {
        // RFC 6761: .invalid never resolves. Without a reachable resolver the lookup still fails, differently.
        var result = await Run(new DnsProbeDefinition("no-such-host.invalid", Timeout));

        Assert.False(result.Success);
        Assert.StartsWith("DNS: ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_AAAA_record_on_an_existing_name_is_not_reported_as_NXDOMAIN()
    {
        // Whether localhost has an AAAA entry depends on the machine's hosts file; either outcome is fine,
        // but a failure must name the missing record type, not claim the name does not exist.
        var result = await Run(new DnsProbeDefinition("localhost", Timeout, recordType: "AAAA"));

        if (result.Success)
        {
            Assert.Contains("::1", result.Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("DNS: no AAAA record", result.Reason);
        }
    }

    private Task<ProbeResult> Run(DnsProbeDefinition definition) =>
        _services.Factory.Create(definition).RunAsync(CancellationToken.None);
}
