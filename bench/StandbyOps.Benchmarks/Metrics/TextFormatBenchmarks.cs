using BenchmarkDotNet.Attributes;
using Prometheus;
using StandbyOps.Metrics;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Benchmarks.Metrics;

/// <summary>
/// Parse and render throughput of the 0.0.4 text format on a 500-sample body of counters, gauges and histograms
/// (target: at least 200,000 pushed samples per second). Times are per sample (OperationsPerInvoke).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class TextFormatBenchmarks
{
    private const int Samples = 500;

    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private string _body = string.Empty;
    private IReadOnlyList<MetricFamily> _families = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(500); // fixed seed: every run measures the same body
        var factory = Prometheus.Metrics.WithCustomRegistry(_registry);
        var requests = factory.CreateCounter("pushed_requests_total", "Requests served.", "instance", "code");
        for (var i = 0; i < 250; i++)
        {
            requests.WithLabels($"host-{i / 5:D3}.example.org:9100", (200 + (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc(random.Next(1_000_000));
        }

        var free = factory.CreateGauge("pushed_filesystem_avail_bytes", "Free space.", "instance", "mountpoint");
        for (var i = 0; i < 154; i++)
        {
            free.WithLabels($"host-{i / 2:D3}.example.org:9100", i % 2 == 0 ? "/" : "/var/lib/\"data\"").Set(random.NextDouble() * 1e12);
        }

        var latency = factory.CreateHistogram("pushed_backup_duration_seconds", "Backup duration.", new HistogramConfiguration { Buckets = [1, 10, 60, 300, 900], LabelNames = ["instance"] });
        for (var i = 0; i < 12; i++)
        {
            for (var j = 0; j < 20; j++)
            {
                latency.WithLabels($"host-{i:D3}.example.org:9100").Observe(random.NextDouble() * 1200);
            }
        }

        _families = ScrapeWriter.CollectAsync(_registry, CancellationToken.None).GetAwaiter().GetResult();
        _body = TextFormatWriter.Render(_families);
        var parsedSamples = TextFormatParser.Parse(_body).Sum(f => f.Samples.Count);
        if (parsedSamples != Samples)
        {
            throw new InvalidOperationException($"the body has {parsedSamples} samples; the benchmark assumes {Samples}.");
        }
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public IReadOnlyList<MetricFamily> Parse() => TextFormatParser.Parse(_body);

    [Benchmark(OperationsPerInvoke = Samples)]
    public string Render() => TextFormatWriter.Render(_families);

    /// <summary>A scrape of the prometheus-net registry as <c>GET /metrics</c> does it: collect, parse, merge and write.</summary>
    [Benchmark(OperationsPerInvoke = Samples)]
    public async Task CollectAndRender()
    {
        var own = await ScrapeWriter.CollectAsync(_registry, CancellationToken.None);
        await ScrapeWriter.WriteAsync(own, [], Stream.Null, CancellationToken.None);
    }
}
