using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Metrics;

public sealed class MetricsScrapeTests(RunningServer running) : IClassFixture<RunningServer>
{
    private async Task<string> ScrapeAsync()
    {
        using var response = await running.Admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    [SkippableFact]
    public async Task Promtool_check_metrics_passes_on_a_real_scrape()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        await running.Admin.GetAsync("/api/v1/tokens"); // one request and one store read so request metrics have series
        var scrape = await ScrapeAsync();

        var result = ExternalTool.Run(promtool, ["check", "metrics"], scrape, TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 0, $"promtool exit {result.ExitCode}: {result.StandardError}\n--- scrape ---\n{scrape}");
        Assert.Equal(string.Empty, (result.StandardError + result.StandardOutput).Trim());
    }

    [Fact]
    public async Task The_scrape_carries_the_kernel_and_store_metrics()
    {
        using (await running.Admin.PostAsync("/api/v1/tokens", JsonContent.Create(new { name = "metric-probe", role = "desk" })))
        {
        }

        var scrape = await ScrapeAsync();

        Assert.Contains("# TYPE standbyops_actor_mailbox_depth gauge", scrape, StringComparison.Ordinal);
        Assert.Contains("# TYPE standbyops_actor_dead_letters_total counter", scrape, StringComparison.Ordinal);
        Assert.Contains("# TYPE standbyops_store_write_duration_seconds histogram", scrape, StringComparison.Ordinal);
        Assert.Matches(@"standbyops_store_write_duration_seconds_count [1-9]", scrape);
        Assert.Contains("standbyops_http_requests_total{method=\"POST\",route=\"/api/v1/tokens/\",status=\"201\"}", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scrape_carries_the_process_and_runtime_collectors_next_to_the_standbyops_families()
    {
        var scrape = await ScrapeAsync();

        Assert.Contains("# TYPE process_cpu_seconds_total counter\n", scrape, StringComparison.Ordinal);
        Assert.Matches(@"\nprocess_cpu_seconds_total [0-9.e+-]+\n", scrape);
        Assert.Contains("# TYPE dotnet_collection_count_total counter\n", scrape, StringComparison.Ordinal);
        Assert.Contains("dotnet_collection_count_total{generation=\"0\"}", scrape, StringComparison.Ordinal);
        Assert.Contains("# TYPE standbyops_build_info gauge\n", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scraping_needs_a_token()
    {
        await HttpAssert.ProblemAsync(await running.Server.Http.GetAsync("/metrics"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("pusher")]
    [InlineData("customer")]
    public async Task Customer_scoped_tokens_may_not_scrape_other_customers_pushed_groups(string role)
    {
        using var created = await running.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"scoped-{role}", role, customer = "acme" });
        var secret = (await HttpAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
        using var scoped = running.Server.ClientWithToken(secret);

        await HttpAssert.ProblemAsync(await scoped.GetAsync("/metrics"), HttpStatusCode.Forbidden);
    }
}
