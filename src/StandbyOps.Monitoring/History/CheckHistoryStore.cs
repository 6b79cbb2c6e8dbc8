using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Monitoring.History;

/// <summary>
/// All SQL of check history, in one place and portable (SQLite and PostgreSQL: BIGINT, TEXT, <c>ON CONFLICT</c>,
/// <c>CASE</c> rather than <c>min()</c>/<c>LEAST</c>). Series ids are handed out here, inside the serialized
/// write transaction.
/// </summary>
public sealed class CheckHistoryStore(IDatabase database)
{
    private const string UpsertRollup = """
        INSERT INTO check_rollups (series_id, bucket, up_ms, down_ms, maintenance_ms, latency_min_ms, latency_max_ms, latency_sum_ms, latency_count)
        VALUES (@SeriesId, @Bucket, @UpMs, @DownMs, @MaintenanceMs, @LatencyMinMs, @LatencyMaxMs, @LatencySumMs, @LatencyCount)
        ON CONFLICT (series_id, bucket) DO UPDATE SET
            up_ms = check_rollups.up_ms + excluded.up_ms,
            down_ms = check_rollups.down_ms + excluded.down_ms,
            maintenance_ms = check_rollups.maintenance_ms + excluded.maintenance_ms,
            latency_min_ms = CASE WHEN check_rollups.latency_min_ms IS NULL OR excluded.latency_min_ms < check_rollups.latency_min_ms THEN excluded.latency_min_ms ELSE check_rollups.latency_min_ms END,
            latency_max_ms = CASE WHEN check_rollups.latency_max_ms IS NULL OR excluded.latency_max_ms > check_rollups.latency_max_ms THEN excluded.latency_max_ms ELSE check_rollups.latency_max_ms END,
            latency_sum_ms = check_rollups.latency_sum_ms + excluded.latency_sum_ms,
            latency_count = check_rollups.latency_count + excluded.latency_count
        """;

    private const string TotalsColumns = """
        s.system_id AS SystemId, s.check_id AS CheckId, s.kind AS Kind,
        COALESCE(SUM(r.up_ms), 0) AS UpMs, COALESCE(SUM(r.down_ms), 0) AS DownMs, COALESCE(SUM(r.maintenance_ms), 0) AS MaintenanceMs,
        MIN(r.latency_min_ms) AS LatencyMinMs, MAX(r.latency_max_ms) AS LatencyMaxMs,
        COALESCE(SUM(r.latency_sum_ms), 0) AS LatencySumMs, COALESCE(SUM(r.latency_count), 0) AS LatencyCount
        """;

    private readonly ConcurrentDictionary<(string System, string Check), long> _ids = new();

    /// <summary>Writes raw results and adds rollup sums, in one transaction.</summary>
    public Task WriteAsync(IReadOnlyCollection<HistorySample> samples, IReadOnlyDictionary<RollupKey, RollupCounters> rollups, CancellationToken cancellationToken = default)
    {
        if (samples.Count == 0 && rollups.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(async (c, t) =>
        {
            var created = new List<(string, string)>();
            try
            {
                var rawRows = new List<object>(samples.Count);
                foreach (var sample in samples)
                {
                    var id = await SeriesIdAsync(c, t, sample.SystemId, sample.CheckId, sample.Kind, created).ConfigureAwait(false);
                    rawRows.Add(new { id, at = sample.At.ToUnixTimeMilliseconds(), state = Text(sample.State), latency = sample.LatencyMs, reason = sample.Reason });
                }

                await c.ExecuteAsync("INSERT INTO check_results (series_id, at_ms, state, latency_ms, reason) VALUES (@id, @at, @state, @latency, @reason)", rawRows, t).ConfigureAwait(false);
                var rollupRows = new List<object>(rollups.Count);
                foreach (var (key, counters) in rollups)
                {
                    var id = await SeriesIdAsync(c, t, key.SystemId, key.CheckId, key.Kind, created).ConfigureAwait(false);
                    rollupRows.Add(new
                    {
                        SeriesId = id,
                        key.Bucket,
                        counters.UpMs,
                        counters.DownMs,
                        counters.MaintenanceMs,
                        counters.LatencyMinMs,
                        counters.LatencyMaxMs,
                        counters.LatencySumMs,
                        counters.LatencyCount,
                    });
                }

                await c.ExecuteAsync(UpsertRollup, rollupRows, t).ConfigureAwait(false);
            }
            catch
            {
                // Ids handed out in a transaction that did not commit do not exist.
                foreach (var key in created)
                {
                    _ids.TryRemove(key, out _);
                }

                throw;
            }
        }, cancellationToken);
    }

    /// <summary>The sums per series of the systems <paramref name="systemIds"/> over the buckets that start in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <remarks>One statement per system on one connection: portable where a list parameter is not (docs/storage.md).</remarks>
    public Task<IReadOnlyList<SeriesTotals>> TotalsAsync(IReadOnlyCollection<string> systemIds, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemIds);
        return database.ReadAsync<IReadOnlyList<SeriesTotals>>(async c =>
        {
            var totals = new List<SeriesTotals>();
            foreach (var systemId in systemIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var rows = await c.QueryAsync<TotalsRow>(
                    $"SELECT {TotalsColumns} FROM history_series s LEFT JOIN check_rollups r ON r.series_id = s.id AND r.bucket >= @from AND r.bucket < @to " +
                    "WHERE s.system_id = @systemId GROUP BY s.system_id, s.check_id, s.kind ORDER BY s.check_id",
                    new { systemId, from = from.ToUnixTimeSeconds(), to = to.ToUnixTimeSeconds() }).ConfigureAwait(false);
                totals.AddRange(rows.Select(r => r.ToTotals()));
            }

            return totals;
        }, cancellationToken);
    }

    /// <summary>
    /// The sums of one series per slot of <paramref name="slot"/> (a multiple of 5 minutes) over [<paramref name="from"/>,
    /// <paramref name="to"/>), keyed by the slot's start in Unix seconds: what an uptime bar or sparkline draws.
    /// </summary>
    public Task<IReadOnlyDictionary<long, SeriesTotals>> SlotsAsync(string systemId, string checkId, Instant from, Instant to, Duration slot, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<long, SeriesTotals>>(async c =>
        {
            var width = (long)slot.TotalSeconds;
            var start = from.ToUnixTimeSeconds();
            var rows = await c.QueryAsync<TotalsRow>(
                "SELECT @start + ((r.bucket - @start) / @width) * @width AS Slot, SUM(r.up_ms) AS UpMs, SUM(r.down_ms) AS DownMs, SUM(r.maintenance_ms) AS MaintenanceMs, " +
                "MIN(r.latency_min_ms) AS LatencyMinMs, MAX(r.latency_max_ms) AS LatencyMaxMs, SUM(r.latency_sum_ms) AS LatencySumMs, SUM(r.latency_count) AS LatencyCount " +
                "FROM check_rollups r JOIN history_series s ON s.id = r.series_id " +
                "WHERE s.system_id = @systemId AND s.check_id = @checkId AND r.bucket >= @start AND r.bucket < @end " +
                "GROUP BY @start + ((r.bucket - @start) / @width) * @width",
                new { systemId, checkId, start, end = to.ToUnixTimeSeconds(), width }).ConfigureAwait(false);
            return rows.ToDictionary(r => r.Slot, r => r.ToTotals() with { SystemId = systemId, CheckId = checkId });
        }, cancellationToken);

    /// <summary>The raw results of one check or heartbeat in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public Task<IReadOnlyList<HistorySample>> SamplesAsync(string systemId, string checkId, Instant from, Instant to, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<HistorySample>>(async c => (await c.QueryAsync<SampleRow>(
                "SELECT s.kind AS Kind, r.at_ms AS AtMs, r.state AS State, r.latency_ms AS LatencyMs, r.reason AS Reason FROM check_results r JOIN history_series s ON s.id = r.series_id " +
                "WHERE s.system_id = @systemId AND s.check_id = @checkId AND r.at_ms >= @from AND r.at_ms < @to ORDER BY r.at_ms",
                new { systemId, checkId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() }).ConfigureAwait(false))
            .Select(r => new HistorySample(systemId, checkId, r.Kind, Instant.FromUnixTimeMilliseconds(r.AtMs), Parse(r.State), r.LatencyMs, r.Reason)).ToList(), cancellationToken);

    /// <summary>Deletes raw results older than 48 hours and rollups older than 400 days before <paramref name="now"/>; returns the rows deleted.</summary>
    public Task<(int Raw, int Rollups)> PurgeAsync(Instant now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (c, t) =>
        {
            // Per series, so both deletes walk the (series, time) keys instead of scanning the tables.
            var ids = (await c.QueryAsync<long>("SELECT id FROM history_series", transaction: t).ConfigureAwait(false)).ToList();
            var rawCutoff = (now - HistoryRetention.Raw).ToUnixTimeMilliseconds();
            var rollupCutoff = (now - HistoryRetention.Rollups).ToUnixTimeSeconds();
            var raw = 0;
            var rollups = 0;
            foreach (var id in ids)
            {
                raw += await c.ExecuteAsync("DELETE FROM check_results WHERE series_id = @id AND at_ms < @rawCutoff", new { id, rawCutoff }, t).ConfigureAwait(false);
                rollups += await c.ExecuteAsync("DELETE FROM check_rollups WHERE series_id = @id AND bucket < @rollupCutoff", new { id, rollupCutoff }, t).ConfigureAwait(false);
            }

            return (raw, rollups);
        }, cancellationToken);

    /// <summary>A row of sums; SQLite types an all-NULL aggregate loosely, so Dapper fills properties rather than a constructor.</summary>
    private sealed class TotalsRow
    {
        public long Slot { get; set; }

        public string SystemId { get; set; } = "";

        public string CheckId { get; set; } = "";

        public string Kind { get; set; } = "";

        public long UpMs { get; set; }

        public long DownMs { get; set; }

        public long MaintenanceMs { get; set; }

        public long? LatencyMinMs { get; set; }

        public long? LatencyMaxMs { get; set; }

        public long LatencySumMs { get; set; }

        public long LatencyCount { get; set; }

        public SeriesTotals ToTotals() => new(SystemId, CheckId, Kind, UpMs, DownMs, MaintenanceMs, LatencyMinMs, LatencyMaxMs, LatencySumMs, LatencyCount);
    }

    private sealed class SampleRow
    {
        public string Kind { get; set; } = "";

        public long AtMs { get; set; }

        public string State { get; set; } = "";

        public long? LatencyMs { get; set; }

        public string? Reason { get; set; }
    }

    private static string Text(HistoryState state) => state.ToString().ToLowerInvariant();

    private static HistoryState Parse(string text) => Enum.Parse<HistoryState>(text, ignoreCase: true);

    private async Task<long> SeriesIdAsync(DbConnection c, DbTransaction t, string systemId, string checkId, string kind, List<(string, string)> created)
    {
        if (_ids.TryGetValue((systemId, checkId), out var known))
        {
            return known;
        }

        var id = await c.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM history_series WHERE system_id = @systemId AND check_id = @checkId", new { systemId, checkId }, t).ConfigureAwait(false);
        if (id is null)
        {
            id = await c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM history_series", transaction: t).ConfigureAwait(false);
            await c.ExecuteAsync("INSERT INTO history_series (id, system_id, check_id, kind) VALUES (@id, @systemId, @checkId, @kind)",
                new { id, systemId, checkId, kind }, t).ConfigureAwait(false);
            created.Add((systemId, checkId));
        }

        _ids[(systemId, checkId)] = id.Value;
        return id.Value;
    }
}
