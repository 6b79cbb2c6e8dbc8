using Prometheus;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Metrics.Tests.Exposition;
using StandbyOps.Testing.Support;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class PromtoolCheckMetricsTests
{
    [SkippableFact]
    public async Task A_scrape_of_the_registry_with_runtime_collectors_and_a_merged_source_passes_promtool_check_metrics()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var registry = Scrapes.NewRegistry();
        DotNetStats.Register(registry);
        var factory = Scrapes.Factory(registry);
        var sent = factory.CreateCounter("standbyops_sms_sent_total", "SMS accepted by Twilio, per \"status\" (prometheus-net writes HELP unescaped: no backslash or newline in own help).", "status", "provider");
        sent.WithLabels("queued", "twilio").Inc(12);
        sent.WithLabels("failed \"hard\"\nline two \\ Προμηθεύς", "twilio").Inc();
        factory.CreateGauge("standbyops_incidents_open", "Open incidents.", "customer").WithLabels("acme").Set(3);
        factory.CreateGauge("standbyops_build_info", "Build information.", "version").WithLabels("").Set(1);
        var latency = factory.CreateHistogram("standbyops_sms_send_duration_seconds", "Twilio API latency.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 10), LabelNames = ["provider"] });
        latency.WithLabels("twilio").Observe(0.2);
        latency.WithLabels("twilio").Observe(7);
        var pushed = RenderedFamilies.Render(
        [
            new MetricFamily("process_cpu_seconds_total", "CPU time.", MetricType.Counter,
                [new MetricSample("process_cpu_seconds_total", LabelSet.Of(("customer", "acme"), ("job", "node")), 3)]),
            new MetricFamily("node_load1", "Load.", MetricType.Gauge, [new MetricSample("node_load1", LabelSet.Of(("customer", "acme"), ("job", "node")), 0.5)]),
        ]);
        var body = await Scrapes.TextAsync(registry, pushed);

        var result = ExternalTool.Run(promtool, ["check", "metrics"], body, TimeSpan.FromSeconds(30));

        Assert.True(
            result.ExitCode == 0 && result.StandardError.Length == 0 && result.StandardOutput.Length == 0,
            $"promtool exited {result.ExitCode}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}\nbody:\n{body}");
        Assert.Single(body.Split('\n'), l => l == "# TYPE process_cpu_seconds_total counter");
    }
}
