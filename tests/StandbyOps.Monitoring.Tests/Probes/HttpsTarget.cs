using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace StandbyOps.Monitoring.Tests.Probes;

/// <summary>
/// A real Kestrel HTTPS server on 127.0.0.1 with two endpoints: one serving the dated certificate
/// (see <see cref="TestCertificates.Dated"/>), one a long-lived one; both self-signed, so untrusted.
/// </summary>
public sealed class HttpsTarget : IAsyncLifetime
{
    private readonly X509Certificate2 _dated = TestCertificates.Dated();
    private readonly X509Certificate2 _longLived = TestCertificates.LongLived();
    private WebApplication? _app;
    private ListenOptions? _datedEndpoint;
    private ListenOptions? _longLivedEndpoint;

    public int DatedPort => _datedEndpoint!.IPEndPoint!.Port;

    public int LongLivedPort => _longLivedEndpoint!.IPEndPoint!.Port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, endpoint =>
            {
                endpoint.UseHttps(_dated);
                _datedEndpoint = endpoint;
            });
            kestrel.Listen(IPAddress.Loopback, 0, endpoint =>
            {
                endpoint.UseHttps(_longLived);
                _longLivedEndpoint = endpoint;
            });
        });
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        _app = app;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _dated.Dispose();
        _longLived.Dispose();
    }
}
