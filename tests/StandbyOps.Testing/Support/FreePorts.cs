using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StandbyOps.Testing.Support;

/// <summary>
/// Loopback ports for child processes (servers, PostgreSQL, Dovecot, Prometheus) that bind them a moment later. A port
/// the kernel picks for port 0 comes from the ephemeral range, where any outgoing connection of any process may take it
/// in that moment; these come from below that range, each handed out once per test process (the start spread by
/// process id, so test processes running side by side begin far apart), and are checked free when handed out.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10000;
    private static readonly Lock Gate = new();
    private static readonly int Highest = EphemeralStart() - 1;
    private static int _next = Lowest + (Environment.ProcessId * 211 % Math.Max(1, Highest - Lowest));

    /// <summary>A loopback TCP port free now, not handed out before by this process.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tries = 0; tries < Highest - Lowest; tries++)
            {
                var port = _next;
                _next = _next >= Highest ? Lowest : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux: <c>ip_local_port_range</c>, usually 32768).</summary>
    private static int EphemeralStart()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
            var start = int.Parse(first, CultureInfo.InvariantCulture);
            return start > Lowest + 1000 ? start : 32768;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }
}
