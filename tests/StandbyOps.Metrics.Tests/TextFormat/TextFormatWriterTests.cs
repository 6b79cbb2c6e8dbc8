using StandbyOps.Metrics.Instruments;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class TextFormatWriterTests
{
    [Fact]
    public void Registry_renders_families_sorted_by_name_with_help_and_type_once_each()
    {
        var registry = new MetricsRegistry();
        var sent = registry.Counter("sms_sent_total", "SMS accepted by Twilio.", "status");
        sent.WithLabels("queued").Inc(12);
        sent.WithLabels("failed").Inc(3);
        registry.Gauge("standbyops_up", "Whether the dispatcher runs.").Set(1);
        var latency = registry.Histogram("sms_send_duration_seconds", "Twilio API latency.", [0.1, 0.5, 1]);
        latency.Observe(0.25);
        latency.Observe(0.5);
        latency.Observe(2);

        var text = TextFormatWriter.Render(registry.Collect());

        Assert.Equal(
            """
            # HELP sms_send_duration_seconds Twilio API latency.
            # TYPE sms_send_duration_seconds histogram
            sms_send_duration_seconds_bucket{le="0.1"} 0
            sms_send_duration_seconds_bucket{le="0.5"} 2
            sms_send_duration_seconds_bucket{le="1"} 2
            sms_send_duration_seconds_bucket{le="+Inf"} 3
            sms_send_duration_seconds_sum 2.75
            sms_send_duration_seconds_count 3
            # HELP sms_sent_total SMS accepted by Twilio.
            # TYPE sms_sent_total counter
            sms_sent_total{status="failed"} 3
            sms_sent_total{status="queued"} 12
            # HELP standbyops_up Whether the dispatcher runs.
            # TYPE standbyops_up gauge
            standbyops_up 1

            """,
            text);
    }

    [Fact]
    public void Histogram_bucket_label_comes_after_the_other_labels()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.Histogram("http_request_duration_seconds", "Request latency.", [0.05], "route", "code");
        histogram.WithLabels("/a", "200").Observe(0.01);

        var text = TextFormatWriter.Render(registry.Collect());

        Assert.Contains("http_request_duration_seconds_bucket{code=\"200\",route=\"/a\",le=\"0.05\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_bucket{code=\"200\",route=\"/a\",le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_sum{code=\"200\",route=\"/a\"} 0.01\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_of_a_family_are_ordered_by_label_values()
    {
        var registry = new MetricsRegistry();
        var gauge = registry.Gauge("queue_depth", "Items waiting.", "queue");
        gauge.WithLabels("sms").Set(1);
        gauge.WithLabels("email").Set(2);
        gauge.WithLabels("push").Set(3);

        var text = TextFormatWriter.Render(registry.Collect());

        Assert.Equal(
            "# HELP queue_depth Items waiting.\n# TYPE queue_depth gauge\n"
            + "queue_depth{queue=\"email\"} 2\nqueue_depth{queue=\"push\"} 3\nqueue_depth{queue=\"sms\"} 1\n",
            text);
    }

    [Fact]
    public void Help_escapes_only_backslash_and_newline()
    {
        var family = new MetricFamily("x", "Line one\nback\\slash \"quoted\"", MetricType.Gauge, [new MetricSample("x", LabelSet.Empty, 1)]);

        var text = TextFormatWriter.Render([family]);

        Assert.StartsWith("# HELP x Line one\\nback\\\\slash \"quoted\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline()
    {
        var family = new MetricFamily("x", null, MetricType.Gauge, [new MetricSample("x", LabelSet.Of(("path", "a\"b\\c\nd é")), 1)]);

        var text = TextFormatWriter.Render([family]);

        Assert.Equal("# TYPE x gauge\nx{path=\"a\\\"b\\\\c\\nd é\"} 1\n", text);
    }

    [Fact]
    public void Special_values_and_timestamps_are_written_as_go_does()
    {
        var family = new MetricFamily("x", null, MetricType.Untyped,
        [
            new MetricSample("x", LabelSet.Of(("v", "nan")), double.NaN),
            new MetricSample("x", LabelSet.Of(("v", "pinf")), double.PositiveInfinity),
            new MetricSample("x", LabelSet.Of(("v", "ninf")), double.NegativeInfinity),
            new MetricSample("x", LabelSet.Of(("v", "big")), 1458255915, 1458255915000),
        ]);

        var text = TextFormatWriter.Render([family]);

        Assert.Equal(
            "# TYPE x untyped\nx{v=\"nan\"} NaN\nx{v=\"pinf\"} +Inf\nx{v=\"ninf\"} -Inf\nx{v=\"big\"} 1.458255915e+09 1458255915000\n",
            text);
    }

    [Fact]
    public void Family_without_samples_is_not_written()
    {
        var text = TextFormatWriter.Render([new MetricFamily("x", "Nothing yet.", MetricType.Gauge, [])]);

        Assert.Equal(string.Empty, text);
    }

    [Fact]
    public void Labelled_metric_without_series_is_not_exposed_but_unlabelled_one_starts_at_zero()
    {
        var registry = new MetricsRegistry();
        registry.Counter("pages_sent_total", "Pages sent.", "channel");
        registry.Counter("restarts_total", "Restarts.");

        var text = TextFormatWriter.Render(registry.Collect());

        Assert.Equal("# HELP restarts_total Restarts.\n# TYPE restarts_total counter\nrestarts_total 0\n", text);
    }

    [Fact]
    public void Content_type_is_the_go_client_text_format()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", TextFormatWriter.ContentType);
    }
}
