using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StandbyOps.IntegrationTests.Support;

/// <summary>A monitored system on loopback: <c>GET /health</c> answers 200 "ok" or 503, as the test sets it, and counts hits.</summary>
public sealed class HttpTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;
    private volatile bool _healthy = true;

    private HttpTarget(WebApplication app) => _app = app;

    /// <summary>The health URL.</summary>
    public Uri HealthUrl { get; private set; } = null!;

    /// <summary>Requests answered so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Whether <c>/health</c> answers 200.</summary>
    public bool Healthy
    {
        get => _healthy;
        set => _healthy = value;
    }

    /// <summary>Starts the target on a free loopback port.</summary>
    public static async Task<HttpTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new HttpTarget(app);
        app.MapGet("/health", () =>
        {
            Interlocked.Increment(ref target._hits);
            return target._healthy ? Results.Text("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        target.HealthUrl = new Uri(new Uri(address), "/health");
        return target;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
