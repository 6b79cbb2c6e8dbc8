using System.Text;
using Prometheus;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Tests.Exposition;

public class ScrapeWriterTests
{
    private static readonly LabelSet Acme = LabelSet.Of(("customer", "acme"), ("job", "node"));

    /// <remarks>Series keep prometheus-net's sample order (a histogram's sum and count before its buckets).</remarks>
    [Fact]
    public async Task The_registry_is_rendered_sorted_by_name_with_help_and_type_once_each()
    {
        var registry = Scrapes.NewRegistry();
        var factory = Scrapes.Factory(registry);
        var sent = factory.CreateCounter("sms_sent_total", "SMS accepted by Twilio.", "status");
        sent.WithLabels("queued").Inc(12);
        sent.WithLabels("failed").Inc(3);
        factory.CreateGauge("standbyops_up", "Whether the dispatcher runs.").Set(1);
        var latency = factory.CreateHistogram("sms_send_duration_seconds", "Twilio API latency.", new HistogramConfiguration { Buckets = [0.1, 0.5, 1] });
        latency.Observe(0.25);
        latency.Observe(0.5);
        latency.Observe(2);

        var text = await Scrapes.TextAsync(registry);

        Assert.Equal(
            """
            # HELP sms_send_duration_seconds Twilio API latency.
            # TYPE sms_send_duration_seconds histogram
            sms_send_duration_seconds_sum 2.75
            sms_send_duration_seconds_count 3
            sms_send_duration_seconds_bucket{le="0.1"} 0
            sms_send_duration_seconds_bucket{le="0.5"} 2
            sms_send_duration_seconds_bucket{le="1"} 2
            sms_send_duration_seconds_bucket{le="+Inf"} 3
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
    public async Task Histogram_bucket_label_comes_after_the_other_labels()
    {
        var registry = Scrapes.NewRegistry();
        var histogram = Scrapes.Factory(registry).CreateHistogram(
            "http_request_duration_seconds", "Request latency.", new HistogramConfiguration { Buckets = [0.05], LabelNames = ["route", "code"] });
        histogram.WithLabels("/a", "200").Observe(0.01);

        var text = await Scrapes.TextAsync(registry);

        Assert.Contains("http_request_duration_seconds_bucket{code=\"200\",route=\"/a\",le=\"0.05\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_bucket{code=\"200\",route=\"/a\",le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_sum{code=\"200\",route=\"/a\"} 0.01\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_labelled_metric_without_series_is_not_exposed_but_an_unlabelled_one_starts_at_zero()
    {
        var registry = Scrapes.NewRegistry();
        Scrapes.Factory(registry).CreateCounter("pages_sent_total", "Pages sent.", "channel");
        Scrapes.Factory(registry).CreateCounter("restarts_total", "Restarts.");

        var text = await Scrapes.TextAsync(registry);

        Assert.Equal("# HELP restarts_total Restarts.\n# TYPE restarts_total counter\nrestarts_total 0\n", text);
    }

    [Fact]
    public async Task The_default_process_and_runtime_collectors_show_beside_the_own_families()
    {
        var registry = Scrapes.NewRegistry();
        DotNetStats.Register(registry);
        Scrapes.Factory(registry).CreateGauge("standbyops_up", "Whether the dispatcher runs.").Set(1);

        var families = TextFormatParser.Parse(await Scrapes.TextAsync(registry));

        Assert.Equal(MetricType.Counter, Assert.Single(families, f => f.Name == "process_cpu_seconds_total").Type);
        Assert.Equal(MetricType.Counter, Assert.Single(families, f => f.Name == "dotnet_collection_count_total").Type);
        Assert.Single(families, f => f.Name == "standbyops_up");
    }

    [Fact]
    public async Task A_source_family_named_like_an_own_family_is_merged_into_one_family_with_help_and_type_once()
    {
        var registry = Scrapes.NewRegistry();
        Scrapes.Factory(registry).CreateCounter("process_cpu_seconds_total", "CPU time of the server.").Inc(2);
        var pushed = RenderedFamilies.Render(
        [
            new MetricFamily("process_cpu_seconds_total", "CPU time of the node.", MetricType.Counter, [new MetricSample("process_cpu_seconds_total", Acme, 7)]),
            new MetricFamily("up", null, MetricType.Gauge, [new MetricSample("up", Acme, 1)]),
        ]);

        var text = await Scrapes.TextAsync(registry, pushed);

        Assert.Equal(
            "# HELP process_cpu_seconds_total CPU time of the server.\n# TYPE process_cpu_seconds_total counter\n"
            + "process_cpu_seconds_total 2\nprocess_cpu_seconds_total{customer=\"acme\",job=\"node\"} 7\n"
            + "# TYPE up gauge\nup{customer=\"acme\",job=\"node\"} 1\n",
            text);
    }

    [Fact]
    public async Task A_source_family_of_another_type_than_the_own_family_is_left_out_and_the_scrape_still_works()
    {
        var registry = Scrapes.NewRegistry();
        Scrapes.Factory(registry).CreateGauge("process_open_handles", "Open handles.").Set(12);
        var pushed = RenderedFamilies.Render(
            [new MetricFamily("process_open_handles", null, MetricType.Untyped, [new MetricSample("process_open_handles", Acme, 3)])]);
        var own = await ScrapeWriter.CollectAsync(registry, CancellationToken.None);
        using var output = new MemoryStream();

        var left = await ScrapeWriter.WriteAsync(own, [pushed], output, CancellationToken.None);

        Assert.Equal(1, left);
        Assert.Equal("# HELP process_open_handles Open handles.\n# TYPE process_open_handles gauge\nprocess_open_handles 12\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Families_of_two_sources_interleave_by_name()
    {
        var first = RenderedFamilies.Render([Gauge("b_metric", 1), Gauge("d_metric", 2)]);
        var second = RenderedFamilies.Render([Gauge("a_metric", 3), Gauge("c_metric", 4)]);

        var families = TextFormatParser.Parse(await Scrapes.TextAsync(Scrapes.NewRegistry(), first, second));

        Assert.Equal(["a_metric", "b_metric", "c_metric", "d_metric"], families.Select(f => f.Name));
    }

    [Fact]
    public void A_scrape_writes_a_large_rendered_source_without_allocating_in_proportion_to_it()
    {
        // 100 groups of 500 series each, about 8 MB of text: the shape that took the server to 2.6 GB under 25 scrapes.
        var samples = new List<MetricSample>(50_000);
        for (var group = 0; group < 100; group++)
        {
            for (var series = 0; series < 500; series++)
            {
                samples.Add(new MetricSample(
                    "node_filesystem_avail_bytes",
                    LabelSet.Of(("customer", "acme"), ("device", $"/dev/disk/by-uuid/0000-{series:D4}-aaaa-bbbb-cccc"), ("instance", $"host-{group:D3}.example.net:9100"), ("job", "node")),
                    1.5e12 + series));
            }
        }

        var pushed = RenderedFamilies.Render([new MetricFamily("node_filesystem_avail_bytes", "Free bytes.", MetricType.Gauge, samples)]);
        var own = new MetricFamily[] { Gauge("standbyops_up", 1) };
        Assert.True(pushed.ByteCount > 5_000_000, $"the source should be several MB, is {pushed.ByteCount} B");
        Write(own, pushed); // warm up (JIT)

        var before = GC.GetAllocatedBytesForCurrentThread();
        Write(own, pushed);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 64 * 1024, $"a scrape allocated {allocated} B next to {pushed.ByteCount} B of rendered families");
    }

    private static void Write(IReadOnlyList<MetricFamily> own, RenderedFamilies pushed)
    {
        // Stream.Null completes every write synchronously, so the whole scrape runs (and allocates) on this thread.
        var task = ScrapeWriter.WriteAsync(own, [pushed], Stream.Null, CancellationToken.None);
        Assert.True(task.IsCompleted);
        task.GetAwaiter().GetResult();
    }

    private static MetricFamily Gauge(string name, double value) =>
        new(name, "A gauge.", MetricType.Gauge, [new MetricSample(name, LabelSet.Empty, value)]);
}
