using System.Net;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Push;

/// <summary>The scrape with pushed groups in it, as Prometheus and promtool see it.</summary>
public sealed class PushScrapeTests(PushServer push) : IClassFixture<PushServer>
{
    private const string NodeBody = """
        # HELP node_load1 1m load average.
        # TYPE node_load1 gauge
        node_load1 0.42
        # TYPE node_network_receive_bytes_total counter
        node_network_receive_bytes_total{device="eth0"} 1.2e+09
        # HELP node_scrape_duration_seconds Collector durations.
        # TYPE node_scrape_duration_seconds histogram
        node_scrape_duration_seconds_bucket{collector="cpu",le="0.1"} 3
        node_scrape_duration_seconds_bucket{collector="cpu",le="+Inf"} 4
        node_scrape_duration_seconds_sum{collector="cpu"} 0.3
        node_scrape_duration_seconds_count{collector="cpu"} 4

        """;

    [SkippableFact]
    public async Task Promtool_check_metrics_passes_with_pushed_groups_of_two_customers()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        await PutAsync(push.Acme, "/metrics/job/node/instance/web-1", NodeBody);
        await PutAsync(push.Acme, "/metrics/job/node/instance/web-2", NodeBody);
        await PutAsync(push.Globex, "/metrics/job/node/instance/web-1", NodeBody);
        var scrape = await push.ScrapeAsync();

        var result = ExternalTool.Run(promtool, ["check", "metrics"], scrape, TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 0, $"promtool exit {result.ExitCode}: {result.StandardError}\n--- scrape ---\n{scrape}");
        Assert.Equal(3, scrape.Split('\n').Count(l => l.StartsWith("node_load1{", StringComparison.Ordinal)));
        Assert.Single(scrape.Split('\n'), l => l == "# TYPE node_load1 gauge");
    }

    private static async Task PutAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PutAsync(path, PushServer.Text(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
