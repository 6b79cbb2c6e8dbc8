using System.Net.Sockets;

namespace StandbyOps.Monitoring.Probes;

/// <summary>Short reasons for failed connects, shared by the TCP, TLS and HTTP probes.</summary>
internal static class SocketFailure
{
    public static string Describe(SocketException exception) => Describe(exception.SocketErrorCode);

    public static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connection timed out",
        SocketError.ConnectionReset => "connection reset",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.HostNotFound => "DNS: name not found",
        SocketError.NoData => "DNS: no address for name",
        SocketError.TryAgain => "DNS: temporary resolver failure",
        _ => $"connection failed ({ProbeText.Words(error.ToString())})",
    };
}
