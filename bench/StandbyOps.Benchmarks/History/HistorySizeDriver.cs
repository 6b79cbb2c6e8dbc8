using System.Diagnostics;
using System.Globalization;
using NodaTime;
using StandbyOps.Monitoring.History;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Support;

namespace StandbyOps.Benchmarks.History;

/// <summary>
/// <c>history-size [checks] [checksPerSystem]</c>: writes a year of 5-minute rollups (every bucket up, with latency,
/// one down stretch a day) for <c>checks</c> checks plus their systems' series through the real store, reports the
/// SQLite bytes per series-year and the extrapolation to 1,000 checks, then times a year's availability read of one
/// system (all its checks and its own series; whole days from the daily tier, whole hours from the hourly tier), median of 7, wall clock and the process's CPU time.
/// </summary>
public static class HistorySizeDriver
{
    private static readonly Instant YearStart = Instant.FromUtc(2025, 12, 1, 0, 0);

    /// <summary>Runs the driver.</summary>
    public static async Task RunAsync(string[] args)
    {
        var checks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var perSystem = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        using var directory = new TempDirectory();
        var options = new StoreOptions(directory.Path);
        var database = new SqliteDatabase(options);
        await new MigrationRunner(database, SystemClock.Instance).ApplyAsync(StoreSchema.Migrations);
        var sizeBefore = await PagesAsync(database);
        var store = new CheckHistoryStore(database);
        var buckets = (int)(Duration.FromDays(365) / HistoryRetention.Bucket);
        var systems = (checks + perSystem - 1) / perSystem;
        var series = new List<(string System, string Check, string Kind)>();
        for (var i = 0; i < checks; i++)
        {
            series.Add(($"system-{i / perSystem}", $"check-{i % perSystem}", "check"));
        }

        for (var s = 0; s < systems; s++)
        {
            series.Add(($"system-{s}", "", CheckHistoryRecorder.SystemKind));
        }

        var write = Stopwatch.StartNew();
        foreach (var (system, check, kind) in series)
        {
            var first = HistoryRetention.BucketOf(YearStart);
            var rollups = new Dictionary<RollupKey, RollupCounters>(buckets);
            for (var b = 0; b < buckets; b++)
            {
                var counters = new RollupCounters();
                counters.Add(b % 288 == 100 ? HistoryState.Down : HistoryState.Up, 300_000);
                if (kind == "check")
                {
                    counters.AddLatency(20 + (b % 7));
                    counters.AddLatency(25 + (b % 11));
                    counters.AddLatency(180 + (b % 13));
                    counters.AddLatency(30 + (b % 5));
                    counters.AddLatency(22 + (b % 3));
                }

                rollups[new RollupKey(system, check, kind, first + (b * 300L))] = counters;
            }

            await store.WriteAsync([], rollups);
        }

        write.Stop();
        var bytes = await PagesAsync(database) - sizeBefore;
        var perSeriesYear = (double)bytes / series.Count;
        var seriesPer1000 = 1000 + (1000.0 / perSystem);
        Console.WriteLine(FormattableString.Invariant($"series: {series.Count} ({checks} checks, {systems} systems), buckets per series-year: {buckets}, rows: {series.Count * (long)buckets:N0}"));
        Console.WriteLine(FormattableString.Invariant($"write: {write.Elapsed.TotalSeconds:F1} s ({series.Count * (double)buckets / write.Elapsed.TotalSeconds:N0} rows/s)"));
        Console.WriteLine(FormattableString.Invariant($"store growth: {bytes:N0} bytes = {perSeriesYear:N0} bytes per series-year ({perSeriesYear / buckets:F1} bytes per rollup row)"));
        Console.WriteLine(FormattableString.Invariant($"1,000 checks ({perSystem} per system, {seriesPer1000:N0} series) for a year: {perSeriesYear * seriesPer1000 / 1e9:F2} GB"));

        var timings = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < 7; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var read = Stopwatch.StartNew();
            var totals = await store.TotalsAsync(["system-0"], YearStart, YearStart + Duration.FromDays(365));
            read.Stop();
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            timings.Add(read.Elapsed.TotalMilliseconds);
            if (totals.Count != perSystem + 1 || totals[0].UpMs + totals[0].DownMs != buckets * 300_000L)
            {
                throw new InvalidOperationException("the year's totals are wrong");
            }
        }

        timings.Sort();
        cpu.Sort();
        Console.WriteLine(FormattableString.Invariant($"availability read, 1 system ({perSystem} checks + the system), a year: median {timings[3]:F1} ms, min {timings[0]:F1} ms, max {timings[^1]:F1} ms (process CPU per read: median {cpu[3]:F1} ms)"));
    }

    /// <summary>The database's size in bytes as SQLite counts its pages (WAL content included).</summary>
    private static Task<long> PagesAsync(SqliteDatabase database) =>
        database.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())"));
}
