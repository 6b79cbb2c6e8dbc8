using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using StandbyOps.Metrics;
using StandbyOps.Monitoring.Push;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;

namespace StandbyOps.Benchmarks.Push;

/// <summary>
/// Push ingest of a 500-series node-exporter-like body into a customer that already has 9 groups of the same job
/// (target: at least 200,000 pushed samples per second). Times are per sample (OperationsPerInvoke).
/// <see cref="Ingest"/> is parse, relabel, merge and consistency check; <see cref="IngestDurably"/> adds the group's
/// commit to SQLite (WAL, synchronous=FULL), which a push waits for before its 200.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class PushIngestBenchmarks
{
    private const int Series = 500;
    private const string Customer = "acme";

    private readonly GroupingKey _key = GroupingKey.Of(("job", "node"), ("instance", "host-000.example.org:9100"));
    private string _directory = string.Empty;
    private string _body = string.Empty;
    private PushGroupStore _store = null!;
    private PushGroup[] _siblings = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Body();
        var parsed = PushBody.Parse(_body, _key, Customer).Sum(f => f.Samples.Count);
        if (parsed != Series)
        {
            throw new InvalidOperationException($"the body has {parsed} series; the benchmark assumes {Series}.");
        }

        _directory = Path.Combine(Path.GetTempPath(), "standbyops-bench", Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(new StoreOptions(_directory));
        var time = new FakeClock(Instant.FromUtc(2026, 11, 20, 14, 0));
        new MigrationRunner(database, time).ApplyAsync([.. Schema.Migrations, .. PushSchema.Migrations]).GetAwaiter().GetResult();
        _store = new PushGroupStore(database, time, NullLogger<PushGroupStore>.Instance);
        for (var host = 1; host <= 9; host++)
        {
            var sibling = GroupingKey.Of(("job", "node"), ("instance", $"host-{host:D3}.example.org:9100"));
            _store.PushAsync(Customer, sibling, PushMethod.Replace, _body).GetAwaiter().GetResult();
        }

        _siblings = [.. _store.GroupsOf(Customer)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Series)]
    public IReadOnlyList<MetricFamily> Ingest()
    {
        var pushed = PushBody.Parse(_body, _key, Customer);
        var content = PushBody.Combine(null, pushed, PushMethod.Replace);
        PushConsistency.Check(_siblings, _key, content, pushed);
        return content;
    }

    [Benchmark(OperationsPerInvoke = Series)]
    public Task<PushGroup> IngestDurably() => _store.PushAsync(Customer, _key, PushMethod.Replace, _body);

    /// <summary>What node_exporter pushes for a small host: CPU counters, filesystem and network gauges, a histogram.</summary>
    private static string Body()
    {
        var text = new StringBuilder();
        var random = new Random(500); // fixed seed: every run measures the same body
        text.Append("# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.\n# TYPE node_cpu_seconds_total counter\n");
        foreach (var cpu in Enumerable.Range(0, 16))
        {
            foreach (var mode in (string[])["idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"])
            {
                text.Append(CultureInfo.InvariantCulture, $"node_cpu_seconds_total{{cpu=\"{cpu}\",mode=\"{mode}\"}} {random.NextDouble() * 1e6:R}\n");
            }
        }

        text.Append("# HELP node_filesystem_avail_bytes Filesystem space available.\n# TYPE node_filesystem_avail_bytes gauge\n");
        for (var fs = 0; fs < 120; fs++)
        {
            text.Append(CultureInfo.InvariantCulture, $"node_filesystem_avail_bytes{{device=\"/dev/sd{(char)('a' + (fs % 26))}{fs / 26}\",fstype=\"ext4\",mountpoint=\"/mnt/volume-{fs}\"}} {random.Next() * 1024.0:R}\n");
        }

        text.Append("# HELP node_network_receive_bytes_total Bytes received.\n# TYPE node_network_receive_bytes_total counter\n");
        for (var nic = 0; nic < 220; nic++)
        {
            text.Append(CultureInfo.InvariantCulture, $"node_network_receive_bytes_total{{device=\"veth{nic:x6}\"}} {random.Next() * 16.0:R}\n");
        }

        text.Append("# HELP node_scrape_duration_seconds Collector durations.\n# TYPE node_scrape_duration_seconds histogram\n");
        foreach (var collector in (string[])["cpu", "filesystem", "netdev", "meminfo"])
        {
            double count = 0;
            foreach (var bound in (string[])["0.005", "0.01", "0.05", "0.1", "0.5", "+Inf"])
            {
                count += random.Next(10);
                text.Append(CultureInfo.InvariantCulture, $"node_scrape_duration_seconds_bucket{{collector=\"{collector}\",le=\"{bound}\"}} {count}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"node_scrape_duration_seconds_sum{{collector=\"{collector}\"}} {random.NextDouble():R}\n");
            text.Append(CultureInfo.InvariantCulture, $"node_scrape_duration_seconds_count{{collector=\"{collector}\"}} {count}\n");
        }

        return text.ToString();
    }
}
