using System.Net;
using System.Net.Sockets;

namespace StandbyOps.Monitoring.Tests.Probes;

/// <summary>A loopback port that was just free: bound, then released, so a connect is refused.</summary>
internal static class ClosedPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
