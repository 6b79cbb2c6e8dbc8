using System.Diagnostics;
using System.Net.Sockets;

namespace StandbyOps.Monitoring.Probes;

/// <summary>Opens a TCP connection and closes it at once; nothing is sent.</summary>
internal sealed class TcpProbe(TcpProbeDefinition definition) : IProbe
{
    public Task<ProbeResult> RunAsync(CancellationToken cancellationToken) =>
        ProbeExecution.RunAsync(definition.Timeout, CheckAsync, DescribeFailure, cancellationToken);

    private async Task<ProbeResult> CheckAsync(long started, CancellationToken cancellationToken)
    {
        // Dual-mode where the OS allows it, so a host name with both A and AAAA records tries each address.
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(definition.Host, definition.Port, cancellationToken);
        return ProbeResult.Passed(Stopwatch.GetElapsedTime(started), "connected");
    }

    private static string DescribeFailure(Exception exception) =>
        exception is SocketException socket ? SocketFailure.Describe(socket) : ProbeExecution.Unexpected("TCP", exception);
}
