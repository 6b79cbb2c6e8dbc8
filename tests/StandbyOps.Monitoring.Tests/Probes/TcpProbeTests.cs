using System.Net;
using System.Net.Sockets;
using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class TcpProbeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ProbeServices _services = new(new FakeClock(TestCertificates.Fixed));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Listening_port_passes_and_the_connection_is_closed_again()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var result = await Run(new TcpProbeDefinition("127.0.0.1", port, Timeout));

            Assert.True(result.Success, result.Reason);
            Assert.Equal("connected", result.Reason);
            using var accepted = await listener.AcceptSocketAsync();
            var buffer = new byte[1];
            Assert.Equal(0, await accepted.ReceiveAsync(buffer, SocketFlags.None)); // orderly close, nothing sent
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Closed_port_fails_with_connection_refused()
    {
        var result = await Run(new TcpProbeDefinition("127.0.0.1", ClosedPort.Find(), Timeout));

        Assert.False(result.Success);
        Assert.Equal("connection refused", result.Reason);
    }

    [Fact]
    public async Task Unresolvable_host_fails_instead_of_throwing()
    {
        var result = await Run(new TcpProbeDefinition("no-such-host.invalid", 80, Timeout));

        Assert.False(result.Success);
        Assert.NotEmpty(result.Reason);
    }

    [Fact]
    public async Task Token_cancelled_before_the_run_throws()
    {
        var probe = _services.Factory.Create(new TcpProbeDefinition("127.0.0.1", ClosedPort.Find(), Timeout));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.RunAsync(new CancellationToken(canceled: true)));
    }

    private Task<ProbeResult> Run(TcpProbeDefinition definition) =>
        _services.Factory.Create(definition).RunAsync(CancellationToken.None);
}
