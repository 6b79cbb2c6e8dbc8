using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StandbyOps.Monitoring.Tests.Probes;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with one route per behaviour a check must recognise. The slow
/// route holds each request until the target is disposed, so timeouts happen without any sleeping.
/// </summary>
public sealed class HttpTarget : IAsyncLifetime
{
    public const int LargeBodyPrefixBytes = 70 * 1024;

    private readonly TaskCompletionSource _releaseSlow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _slowArrivals = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>A fresh slow URL and a task that completes once the server has received a request for it.</summary>
    public (Uri Url, Task Arrived) SlowRoute()
    {
        var id = Guid.NewGuid().ToString("N");
        return (Url($"/slow/{id}"), Arrival(id).Task);
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/ok", () => "ok");
        app.MapGet("/unavailable", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/wrong-body", () => "maintenance");
        app.MapGet("/large", () => new string('x', LargeBodyPrefixBytes) + "ok");
        app.MapGet("/redirect", () => Results.Redirect("/ok"));
        app.MapGet("/slow/{id}", async (string id, CancellationToken aborted) =>
        {
            Arrival(id).TrySetResult();
            await _releaseSlow.Task.WaitAsync(aborted);
            return "ok";
        });
        await app.StartAsync();
        _app = app;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _releaseSlow.TrySetResult();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private TaskCompletionSource Arrival(string id) =>
        _slowArrivals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
