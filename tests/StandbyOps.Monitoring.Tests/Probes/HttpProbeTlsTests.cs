using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class HttpProbeTlsTests(HttpsTarget target) : IClassFixture<HttpsTarget>, IDisposable
{
    private readonly ProbeServices _services = new(new FakeClock(TestCertificates.Fixed));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Self_signed_certificate_fails_as_untrusted()
    {
        var url = new Uri($"https://localhost:{target.LongLivedPort}/");
        var probe = _services.Factory.Create(new HttpProbeDefinition(url, TimeSpan.FromSeconds(5)));

        var result = await probe.RunAsync(CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal("TLS: untrusted certificate", result.Reason);
    }
}
