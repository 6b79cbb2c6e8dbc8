using System.Net;
using System.Net.NetworkInformation;
using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class IcmpProbeTests : IDisposable
{
    private readonly ProbeServices _services = new(new FakeClock(TestCertificates.Fixed));

    public void Dispose() => _services.Dispose();

    [SkippableFact]
    public async Task Loopback_answers_the_echo_request()
    {
        Skip.IfNot(await PingIsAvailable(), "ICMP is not available here (no raw sockets and no ping binary).");

        var result = await _services.Factory
            .Create(new IcmpProbeDefinition("127.0.0.1", TimeSpan.FromSeconds(5)))
            .RunAsync(CancellationToken.None);

        Assert.True(result.Success, result.Reason);
        Assert.Equal("ICMP: echo reply", result.Reason);
    }

    private static async Task<bool> PingIsAvailable()
    {
        try
        {
            using var ping = new Ping();
            await ping.SendPingAsync(IPAddress.Loopback, TimeSpan.FromSeconds(5));
            return true;
        }
        catch (Exception e) when (e is PlatformNotSupportedException || e.InnerException is PlatformNotSupportedException)
        {
            return false;
        }
    }
}
