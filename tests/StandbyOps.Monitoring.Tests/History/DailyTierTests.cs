using Dapper;
using NodaTime;
using StandbyOps.Monitoring.History;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.History;

/// <summary>The daily tier on both stores: written beside the other tiers, read for whole UTC days inside a period, backfilled by its migration.</summary>
public sealed class DailyTierTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 13, 0);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Totals_over_days_hours_and_ragged_ends_equal_the_5_minute_sums(string kind)
    {
        using var directory = new TempDirectory();
        var database = await OpenAsync(kind, directory);
        await new MigrationRunner(database, new SettableClock(Start)).ApplyAsync([.. Schema.Migrations, .. CheckHistorySchema.Migrations]);
        var store = new CheckHistoryStore(database);
        // Three days of buckets from 13:00 UTC: down in a bucket every 100, latencies that differ per bucket; written per day.
        const int Buckets = 3 * 288;
        for (var day = 0; day < 3; day++)
        {
            var rollups = new Dictionary<RollupKey, RollupCounters>();
            for (var b = day * 288; b < (day + 1) * 288; b++)
            {
                rollups[new RollupKey("shop", "home", "check", Start.ToUnixTimeSeconds() + (b * 300L))] = Counters(b);
            }

            await store.WriteAsync([], rollups);
        }

        // 13:00 on the 20th to 13:00 on the 23rd touches four UTC days: two whole ones in the daily tier.
        Assert.Equal(4, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM check_rollups_daily")));
        // 20th 15:25 – 23rd 10:35: 5-minute rows 15:25–16:00, hours 16:00–24:00, days 21st and 22nd, hours 23rd 00:00–10:00, 5-minute rows to 10:35.
        var from = Start + Duration.FromHours(2) + Duration.FromMinutes(25);
        var to = Start + Duration.FromHours(69) + Duration.FromMinutes(35);
        var home = Assert.Single(await store.TotalsAsync(["shop"], from, to));
        var buckets = Enumerable.Range(0, Buckets).Where(b => Start.ToUnixTimeSeconds() + (b * 300L) >= from.ToUnixTimeSeconds() && Start.ToUnixTimeSeconds() + (b * 300L) < to.ToUnixTimeSeconds()).ToList();
        Assert.Equal(buckets.Count(b => b % 100 != 7) * 300_000L, home.UpMs);
        Assert.Equal(buckets.Count(b => b % 100 == 7) * 300_000L, home.DownMs);
        Assert.Equal(buckets.Min(b => 10L + b), home.LatencyMinMs);
        Assert.Equal(buckets.Max(b => 10L + b), home.LatencyMaxMs);
        Assert.Equal(buckets.Sum(b => 10L + b), home.LatencySumMs);
        Assert.Equal(buckets.Count, home.LatencyCount);

        // Day slots from a UTC midnight read the daily tier and give the same sums as the 5-minute slots of that day.
        var midnight = Instant.FromUtc(2026, 11, 21, 0, 0);
        var days = await store.SlotsAsync("shop", "home", midnight, midnight + Duration.FromDays(2), Duration.FromDays(1));
        var fine = await store.SlotsAsync("shop", "home", midnight, midnight + Duration.FromDays(1), HistoryRetention.Bucket);
        Assert.Equal(2, days.Count);
        Assert.Equal(fine.Values.Sum(s => s.DownMs), days[midnight.ToUnixTimeSeconds()].DownMs);
        Assert.Equal(fine.Values.Sum(s => s.LatencySumMs), days[midnight.ToUnixTimeSeconds()].LatencySumMs);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_migration_fills_the_tier_from_the_hourly_rows_already_stored(string kind)
    {
        using var directory = new TempDirectory();
        var database = await OpenAsync(kind, directory);
        var runner = new MigrationRunner(database, new SettableClock(Start));
        await runner.ApplyAsync([.. Schema.Migrations, .. CheckHistorySchema.Migrations.Where(m => m.Version < 262)]);
        var store = new CheckHistoryStore(database);
        var rollups = new Dictionary<RollupKey, RollupCounters>();
        for (var b = 0; b < 288; b++)
        {
            rollups[new RollupKey("shop", "home", "check", Start.ToUnixTimeSeconds() + (b * 300L))] = Counters(b);
        }

        // Written before the daily tier exists: the store's write would fail on the missing table, so insert the two lower tiers by hand.
        await database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO history_series (id, system_id, check_id, kind) VALUES (1, 'shop', 'home', 'check')", transaction: t);
            foreach (var (key, counters) in rollups)
            {
                foreach (var (table, bucket) in new[] { ("check_rollups", key.Bucket), ("check_rollups_hourly", key.Bucket - (key.Bucket % 3600)) })
                {
                    await c.ExecuteAsync(
                        $"INSERT INTO {table} (series_id, bucket, up_ms, down_ms, maintenance_ms, latency_min_ms, latency_max_ms, latency_sum_ms, latency_count) " +
                        "VALUES (1, @bucket, @up, @down, 0, @latency, @latency, @latency, 1) ON CONFLICT (series_id, bucket) DO UPDATE SET " +
                        $"up_ms = {table}.up_ms + excluded.up_ms, down_ms = {table}.down_ms + excluded.down_ms, latency_sum_ms = {table}.latency_sum_ms + excluded.latency_sum_ms, " +
                        $"latency_count = {table}.latency_count + 1, latency_max_ms = excluded.latency_max_ms",
                        new { bucket, up = counters.UpMs, down = counters.DownMs, latency = counters.LatencyMinMs }, t);
                }
            }
        });

        await runner.ApplyAsync([.. Schema.Migrations, .. CheckHistorySchema.Migrations]);

        var rows = (await database.ReadAsync(c => c.QueryAsync<(long Bucket, long Down, long Count)>(
            "SELECT bucket, down_ms, latency_count FROM check_rollups_daily ORDER BY bucket"))).ToList();
        // 13:00–24:00 on the 20th (132 buckets, down in bucket 7 and 107) and 00:00–13:00 on the 21st (156 buckets, down in 207).
        Assert.Equal(
            [(Instant.FromUtc(2026, 11, 20, 0, 0).ToUnixTimeSeconds(), 2 * 300_000L, 132L), (Instant.FromUtc(2026, 11, 21, 0, 0).ToUnixTimeSeconds(), 300_000L, 156L)],
            rows);
        var whole = Assert.Single(await store.TotalsAsync(["shop"], Start, Start + Duration.FromDays(1)));
        Assert.Equal(3 * 300_000L, whole.DownMs);
    }

    private static RollupCounters Counters(int bucket)
    {
        var counters = new RollupCounters();
        counters.Add(bucket % 100 == 7 ? HistoryState.Down : HistoryState.Up, 300_000);
        counters.AddLatency(10 + bucket);
        return counters;
    }

    private static async Task<IDatabase> OpenAsync(string kind, TempDirectory directory) => kind == "sqlite"
        ? new SqliteDatabase(new StoreOptions(directory.Path))
        : new PostgresDatabase(await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("history"));
}
