using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StandbyOps.Monitoring.Probes;

/// <summary>Resolves a name through the host's resolver (getaddrinfo), filtered to one address family.</summary>
internal sealed class DnsProbe(DnsProbeDefinition definition) : IProbe
{
    private const int MaxAddressesShown = 3;

    private readonly AddressFamily _family =
        definition.RecordType == "AAAA" ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    public Task<ProbeResult> RunAsync(CancellationToken cancellationToken) =>
        ProbeExecution.RunAsync(definition.Timeout, CheckAsync, DescribeFailure, cancellationToken);

    private async Task<ProbeResult> CheckAsync(long started, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(definition.Name, _family, cancellationToken);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.HostNotFound)
        {
            // getaddrinfo calls a name that only has the other family's records "not found"; an
            // AAAA check on an IPv4-only name should say so rather than claim NXDOMAIN.
            if (!await HasAnyAddressAsync(cancellationToken))
            {
                throw;
            }

            addresses = [];
        }

        var latency = Stopwatch.GetElapsedTime(started);
        if (addresses.Length == 0)
        {
            return ProbeResult.Failed(latency, NoRecord());
        }

        var shown = string.Join(", ", addresses.Take(MaxAddressesShown).Select(a => a.ToString()));
        var more = addresses.Length > MaxAddressesShown ? $" (+{addresses.Length - MaxAddressesShown} more)" : "";
        return ProbeResult.Passed(latency, $"DNS: {shown}{more}");
    }

    private async Task<bool> HasAnyAddressAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await Dns.GetHostAddressesAsync(definition.Name, AddressFamily.Unspecified, cancellationToken)).Length > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string NoRecord() => $"DNS: no {definition.RecordType} record";

    private string DescribeFailure(Exception exception) => exception is SocketException socket
        ? socket.SocketErrorCode switch
        {
            SocketError.HostNotFound => "DNS: name not found (NXDOMAIN)",
            SocketError.NoData => NoRecord(),
            SocketError.TryAgain => "DNS: temporary resolver failure",
            _ => $"DNS: lookup failed ({ProbeText.Words(socket.SocketErrorCode.ToString())})",
        }
        : ProbeExecution.Unexpected("DNS", exception);
}
