using StandbyOps.Metrics.Instruments;
using StandbyOps.Metrics.TextFormat;
using StandbyOps.Testing.Support;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class PromtoolCheckMetricsTests
{
    [SkippableFact]
    public void Registry_exposition_passes_promtool_check_metrics_without_problems()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var registry = new MetricsRegistry();
        var sent = registry.Counter("standbyops_sms_sent_total", "SMS accepted by Twilio, per \"status\".\nSecond line with a \\ backslash.", "status", "provider");
        sent.WithLabels("queued", "twilio").Inc(12);
        sent.WithLabels("failed \"hard\"\nline two \\ Προμηθεύς", "twilio").Inc();
        registry.Gauge("standbyops_incidents_open", "Open incidents.", "customer").WithLabels("acme").Set(3);
        registry.Gauge("standbyops_build_info", "Build information.", "version").WithLabels("").Set(1);
        var latency = registry.Histogram("standbyops_sms_send_duration_seconds", "Twilio API latency.", HistogramBuckets.Default, "provider");
        latency.WithLabels("twilio").Observe(0.2);
        latency.WithLabels("twilio").Observe(7);
        registry.Histogram("standbyops_escalation_delay_seconds", "Delay before escalating.", HistogramBuckets.Linear(60, 60, 5)).Observe(90);
        registry.GaugeFunc("standbyops_actor_mailbox_depth", "Messages waiting per actor.", ["actor"], () =>
            [new LabelledValue(["pager"], 2), new LabelledValue(["billing"], 0)]);
        registry.CounterFunc("standbyops_dead_letters_total", "Messages no actor received.", () => 5);
        var body = TextFormatWriter.Render(registry.Collect());

        var result = ExternalTool.Run(promtool, ["check", "metrics"], body, TimeSpan.FromSeconds(30));

        Assert.True(
            result.ExitCode == 0 && result.StandardError.Length == 0 && result.StandardOutput.Length == 0,
            $"promtool exited {result.ExitCode}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}\nbody:\n{body}");
    }
}
