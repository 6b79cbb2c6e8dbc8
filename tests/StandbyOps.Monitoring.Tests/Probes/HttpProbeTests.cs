using NodaTime.Testing;
using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class HttpProbeTests(HttpTarget target) : IClassFixture<HttpTarget>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ProbeServices _services = new(new FakeClock(TestCertificates.Fixed));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Expected_status_with_expected_body_passes()
    {
        var result = await Run(new HttpProbeDefinition(target.Url("/ok"), Timeout, bodyContains: "ok"));

        Assert.True(result.Success, result.Reason);
        Assert.Equal("HTTP 200", result.Reason);
        Assert.True(result.Latency > TimeSpan.Zero);
    }

    [Fact]
    public async Task Status_outside_the_expected_set_fails_naming_both()
    {
        var result = await Run(new HttpProbeDefinition(target.Url("/unavailable"), Timeout));

        Assert.False(result.Success);
        Assert.Equal("HTTP 503 (expected 200)", result.Reason);
    }

    [Fact]
    public async Task A_503_passes_when_the_check_expects_it()
    {
        var result = await Run(new HttpProbeDefinition(
            target.Url("/unavailable"), Timeout, expectStatus: new HashSet<int> { 200, 503 }));

        Assert.True(result.Success, result.Reason);
    }

    [Fact]
    public async Task Body_without_the_expected_text_fails()
    {
        var result = await Run(new HttpProbeDefinition(target.Url("/wrong-body"), Timeout, bodyContains: "ok"));

        Assert.False(result.Success);
        Assert.Equal("body does not contain \"ok\"", result.Reason);
    }

    [Fact]
    public async Task Expected_text_beyond_the_first_64_KB_is_not_found()
    {
        var result = await Run(new HttpProbeDefinition(target.Url("/large"), Timeout, bodyContains: "ok"));

        Assert.False(result.Success);
        Assert.Equal("body does not contain \"ok\"", result.Reason);
    }

    [Fact]
    public async Task Response_slower_than_max_latency_fails_with_both_durations()
    {
        // Any real round trip is slower than a microsecond, so no server-side delay is needed.
        var result = await Run(new HttpProbeDefinition(
            target.Url("/ok"), Timeout, maxLatency: TimeSpan.FromMicroseconds(1)));

        Assert.False(result.Success);
        Assert.Matches(@"^latency [0-9.]+m?s > max 0\.001ms$", result.Reason);
    }

    [Fact]
    public async Task Redirect_is_reported_as_its_status_not_followed()
    {
        var result = await Run(new HttpProbeDefinition(target.Url("/redirect"), Timeout));

        Assert.False(result.Success);
        Assert.Equal("HTTP 302 (expected 200)", result.Reason);
    }

    [Fact]
    public async Task Hung_target_fails_when_the_probe_timeout_elapses()
    {
        var (url, _) = target.SlowRoute();
        var timeout = TimeSpan.FromMilliseconds(200);

        var result = await Run(new HttpProbeDefinition(url, timeout));

        Assert.False(result.Success);
        Assert.Equal("timed out after 200ms", result.Reason);
        // The timeout timer and the latency stopwatch are separate clocks: allow the timer's resolution.
        Assert.True(result.Latency >= timeout - TimeSpan.FromMilliseconds(20), $"latency {result.Latency}");
    }

    [Fact]
    public async Task Cancelling_the_callers_token_mid_request_throws_instead_of_failing()
    {
        var (url, arrived) = target.SlowRoute();
        using var caller = new CancellationTokenSource();
        var probe = _services.Factory.Create(new HttpProbeDefinition(url, Timeout));

        var running = probe.RunAsync(caller.Token);
        Assert.Same(arrived, await Task.WhenAny(arrived, running)); // the request is in flight, not failed early
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Closed_port_fails_with_connection_refused()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/");

        var result = await Run(new HttpProbeDefinition(url, Timeout));

        Assert.False(result.Success);
        Assert.Equal("connection refused", result.Reason);
    }

    private Task<ProbeResult> Run(HttpProbeDefinition definition) =>
        _services.Factory.Create(definition).RunAsync(CancellationToken.None);
}
