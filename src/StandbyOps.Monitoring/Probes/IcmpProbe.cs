using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// Sends one ICMP echo request. Uses a raw socket where the process may (root, CAP_NET_RAW, or the
/// unprivileged ICMP socket range on Linux); elsewhere .NET runs the system ping binary instead.
/// </summary>
internal sealed class IcmpProbe(IcmpProbeDefinition definition) : IProbe
{
    public Task<ProbeResult> RunAsync(CancellationToken cancellationToken) =>
        ProbeExecution.RunAsync(definition.Timeout, CheckAsync, DescribeFailure, cancellationToken);

    private async Task<ProbeResult> CheckAsync(long started, CancellationToken cancellationToken)
    {
        using var ping = new Ping();
        var reply = await ping.SendPingAsync(definition.Host, definition.Timeout, cancellationToken: cancellationToken);
        return reply.Status switch
        {
            // The reply's own round trip, not the stopwatch: that would include resolving the host name.
            IPStatus.Success => ProbeResult.Passed(TimeSpan.FromMilliseconds(reply.RoundtripTime), "ICMP: echo reply"),
            IPStatus.TimedOut => ProbeResult.Failed(Stopwatch.GetElapsedTime(started), "ICMP: timed out"),
            var status => ProbeResult.Failed(Stopwatch.GetElapsedTime(started), $"ICMP: {ProbeText.Words(status.ToString())}"),
        };
    }

    private static string DescribeFailure(Exception exception)
    {
        if (ProbeExecution.Find<PlatformNotSupportedException>(exception) is not null)
        {
            return "ICMP: not supported on this platform";
        }

        if (ProbeExecution.Find<SocketException>(exception) is { } socket)
        {
            return socket.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData
                ? "DNS: name not found"
                : $"ICMP: {SocketFailure.Describe(socket)}";
        }

        // PingException wraps the real cause ("ping binary not found", permission denied…).
        return ProbeExecution.Unexpected("ICMP", exception.InnerException ?? exception);
    }
}
