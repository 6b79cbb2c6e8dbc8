using Dapper;
using NodaTime;
using StandbyOps.Monitoring.History;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.History;

/// <summary>The hourly tier on both stores: written beside the 5-minute rows, read for whole hours, backfilled by its migration.</summary>
public sealed class HourlyTierTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 0, 0);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Totals_over_whole_hours_and_ragged_ends_equal_the_5_minute_sums(string kind)
    {
        using var directory = new TempDirectory();
        var database = await OpenAsync(kind, directory);
        await new MigrationRunner(database, new SettableClock(Start)).ApplyAsync([.. Schema.Migrations, .. CheckHistorySchema.Migrations]);
        var store = new CheckHistoryStore(database);
        // Ten hours of buckets: down in the 7th bucket of every hour, latencies that differ per bucket; written in two halves.
        for (var half = 0; half < 2; half++)
        {
            var rollups = new Dictionary<RollupKey, RollupCounters>();
            for (var b = half * 60; b < (half + 1) * 60; b++)
            {
                var counters = new RollupCounters();
                counters.Add(b % 12 == 6 ? HistoryState.Down : HistoryState.Up, 300_000);
                counters.AddLatency(10 + b);
                rollups[new RollupKey("shop", "home", "check", Start.ToUnixTimeSeconds() + (b * 300L))] = counters;
            }

            await store.WriteAsync([], rollups);
        }

        Assert.Equal(10, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM check_rollups_hourly")));
        // 00:25–08:35: 35 minutes of 5-minute rows at the start, 8 hours from the tier, 35 minutes at the end.
        var from = Start + Duration.FromMinutes(25);
        var to = Start + Duration.FromHours(8) + Duration.FromMinutes(35);
        var home = Assert.Single(await store.TotalsAsync(["shop"], from, to));
        var buckets = Enumerable.Range(5, 98).ToList();
        Assert.Equal(buckets.Count(b => b % 12 != 6) * 300_000L, home.UpMs);
        Assert.Equal(buckets.Count(b => b % 12 == 6) * 300_000L, home.DownMs);
        Assert.Equal(15, home.LatencyMinMs);
        Assert.Equal(10 + 102, home.LatencyMaxMs);
        Assert.Equal(buckets.Sum(b => 10L + b), home.LatencySumMs);
        Assert.Equal(98, home.LatencyCount);

        // Hour slots read the tier; 5-minute slots the fine rows; both give the same hour.
        var hours = await store.SlotsAsync("shop", "home", Start, Start + Duration.FromHours(10), Duration.FromHours(2));
        Assert.Equal(5, hours.Count);
        Assert.Equal(2 * 300_000L, hours[(Start + Duration.FromHours(4)).ToUnixTimeSeconds()].DownMs);
        var fine = await store.SlotsAsync("shop", "home", Start + Duration.FromHours(4), Start + Duration.FromHours(6), HistoryRetention.Bucket);
        Assert.Equal(hours[(Start + Duration.FromHours(4)).ToUnixTimeSeconds()].LatencySumMs, fine.Values.Sum(s => s.LatencySumMs));

        // Retention drops whole hours from both tiers.
        await store.PurgeAsync(Start + HistoryRetention.Rollups + Duration.FromMinutes(30));
        Assert.Equal(10, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM check_rollups_hourly")));
        Assert.Equal(120, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM check_rollups")));
        await store.PurgeAsync(Start + HistoryRetention.Rollups + Duration.FromMinutes(60));
        Assert.Equal(9, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM check_rollups_hourly")));
        Assert.Equal(108, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM check_rollups")));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_migration_fills_the_tier_from_the_5_minute_rows_already_stored(string kind)
    {
        using var directory = new TempDirectory();
        var database = await OpenAsync(kind, directory);
        var runner = new MigrationRunner(database, new SettableClock(Start));
        await runner.ApplyAsync([.. Schema.Migrations, .. CheckHistorySchema.Migrations.Where(m => m.Version < 261)]);
        await database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO history_series (id, system_id, check_id, kind) VALUES (1, 'shop', 'home', 'check')", transaction: t);
            for (var b = 0; b < 24; b++)
            {
                await c.ExecuteAsync(
                    "INSERT INTO check_rollups (series_id, bucket, up_ms, down_ms, maintenance_ms, latency_min_ms, latency_max_ms, latency_sum_ms, latency_count) " +
                    "VALUES (1, @bucket, 240000, 60000, 0, @latency, @latency, @latency, 1)",
                    new { bucket = Start.ToUnixTimeSeconds() + (b * 300L), latency = 100 + b }, t);
            }
        });

        await runner.ApplyAsync([.. Schema.Migrations, .. CheckHistorySchema.Migrations]);

        var rows = (await database.ReadAsync(c => c.QueryAsync<(long Bucket, long Up, long Down, long Min, long Max, long Count)>(
            "SELECT bucket, up_ms, down_ms, latency_min_ms, latency_max_ms, latency_count FROM check_rollups_hourly ORDER BY bucket"))).ToList();
        Assert.Equal(
            [(Start.ToUnixTimeSeconds(), 12 * 240_000L, 12 * 60_000L, 100L, 111L, 12L), ((Start + Duration.FromHours(1)).ToUnixTimeSeconds(), 12 * 240_000L, 12 * 60_000L, 112L, 123L, 12L)],
            rows);
    }

    private static async Task<IDatabase> OpenAsync(string kind, TempDirectory directory) => kind == "sqlite"
        ? new SqliteDatabase(new StoreOptions(directory.Path))
        : new PostgresDatabase(await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("history"));
}
