using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class TlsProbeHandshakeTests(HttpTarget plainHttp) : IClassFixture<HttpTarget>, IDisposable
{
    private readonly ProbeServices _services = new(new FakeClock(TestCertificates.Fixed));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Server_that_does_not_speak_TLS_fails_the_handshake_without_throwing()
    {
        var definition = new TlsProbeDefinition("localhost", TimeSpan.FromSeconds(5), port: plainHttp.BaseAddress.Port);

        var result = await _services.Factory.Create(definition).RunAsync(CancellationToken.None);

        Assert.False(result.Success);
        Assert.StartsWith("TLS: ", result.Reason, StringComparison.Ordinal);
    }
}
