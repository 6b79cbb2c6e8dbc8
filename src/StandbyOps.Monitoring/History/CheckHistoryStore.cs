using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Monitoring.History;

/// <summary>
/// All SQL of check history, in one place and portable (SQLite and PostgreSQL: BIGINT, TEXT, <c>ON CONFLICT</c>,
/// <c>CASE</c> rather than <c>min()</c>/<c>LEAST</c>). Series ids are handed out here, inside the serialized
/// write transaction. Every write adds its sums to all three tiers (5-minute, hourly and daily rows, days in UTC) in the
/// same transaction; reads take whole days from the daily tier, whole hours from the hourly tier and the 5-minute rows
/// only at the ragged ends.
/// </summary>
public sealed class CheckHistoryStore(IDatabase database)
{
    private const string RollupColumns = "series_id, bucket, up_ms, down_ms, maintenance_ms, latency_min_ms, latency_max_ms, latency_sum_ms, latency_count";

    private static readonly string UpsertRollup = Upsert("check_rollups");

    private static readonly string UpsertHourly = Upsert("check_rollups_hourly");

    private static readonly string UpsertDaily = Upsert("check_rollups_daily");

    private const string TotalsColumns = """
        s.system_id AS SystemId, s.check_id AS CheckId, s.kind AS Kind,
        COALESCE(r.up, 0) AS UpMs, COALESCE(r.down, 0) AS DownMs, COALESCE(r.maintenance, 0) AS MaintenanceMs,
        r.latency_min AS LatencyMinMs, r.latency_max AS LatencyMaxMs, COALESCE(r.latency_sum, 0) AS LatencySumMs, COALESCE(r.latency_count, 0) AS LatencyCount
        """;

    private const string SeriesSums = """
        SELECT series_id, SUM(up_ms) AS up, SUM(down_ms) AS down, SUM(maintenance_ms) AS maintenance, MIN(latency_min_ms) AS latency_min,
            MAX(latency_max_ms) AS latency_max, SUM(latency_sum_ms) AS latency_sum, SUM(latency_count) AS latency_count
        """;


    private const long Hour = 3600;

    private const long Day = 86400;
    private const int NewSeriesPerWrite = 200;

    private readonly ConcurrentDictionary<(string System, string Check), long> _ids = new();

    /// <summary>
    /// Writes raw results and adds rollup sums, in one transaction. Series seen for the first time get their ids first,
    /// in a write of their own (ids are numbered under the store's write lock). The results and sums themselves do not
    /// need that lock: each row is one series' own, and the sums are added, so on PostgreSQL they are written in a
    /// transaction that leaves the write lock to the desk (<see cref="IDatabase.ClaimAsync{T}"/> claims nothing here), rows in
    /// series order so two nodes writing one series after a rebalance wait for each other instead of deadlocking.
    /// </summary>
    public async Task WriteAsync(IReadOnlyCollection<HistorySample> samples, IReadOnlyDictionary<RollupKey, RollupCounters> rollups, CancellationToken cancellationToken = default)
    {
        if (samples.Count == 0 && rollups.Count == 0)
        {
            return;
        }

        var unknown = samples.Select(s => (s.SystemId, s.CheckId, s.Kind)).Concat(rollups.Keys.Select(k => (k.SystemId, k.CheckId, k.Kind)))
            .Where(k => !_ids.ContainsKey((k.SystemId, k.CheckId))).Distinct().ToList();
        // A few hundred in two statements at a time: a server starting with many systems holds the write lock briefly.
        foreach (var chunk in unknown.Chunk(NewSeriesPerWrite))
        {
            var ids = await database.WriteAsync((c, t) => CreateSeriesAsync(c, t, chunk), cancellationToken).ConfigureAwait(false);
            foreach (var (systemId, checkId, id) in ids)
            {
                _ids[(systemId, checkId)] = id;
            }
        }

        var rawRows = samples
            .Select(s => new RawRow(_ids[(s.SystemId, s.CheckId)], s.At.ToUnixTimeMilliseconds(), Text(s.State), s.LatencyMs, s.Reason))
            .ToList();
        var rollupRows = rollups.Select(r => new RollupRow(_ids[(r.Key.SystemId, r.Key.CheckId)], r.Key.Bucket, r.Value))
            .OrderBy(r => r.SeriesId).ThenBy(r => r.Bucket).ToList();
        var hourlyRows = Coarser(rollupRows, Hour).OrderBy(r => r.SeriesId).ThenBy(r => r.Bucket).ToList();
        var dailyRows = Coarser(rollupRows, Day).OrderBy(r => r.SeriesId).ThenBy(r => r.Bucket).ToList();
        async Task<int> Write(DbConnection c, DbTransaction t)
        {
            await c.ExecuteAsync("INSERT INTO check_results (series_id, at_ms, state, latency_ms, reason) VALUES (@SeriesId, @AtMs, @State, @LatencyMs, @Reason)", rawRows, t).ConfigureAwait(false);
            await c.ExecuteAsync(UpsertRollup, rollupRows, t).ConfigureAwait(false);
            await c.ExecuteAsync(UpsertHourly, hourlyRows, t).ConfigureAwait(false);
            await c.ExecuteAsync(UpsertDaily, dailyRows, t).ConfigureAwait(false);
            return 0;
        }

        await database.ClaimAsync(async (c, t) => t is null
            ? await database.WriteAsync(Write, cancellationToken).ConfigureAwait(false)
            : await Write(c, t).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private sealed record RawRow(long SeriesId, long AtMs, string State, long? LatencyMs, string? Reason);

    /// <summary>
    /// The sums per series of the systems <paramref name="systemIds"/> over the buckets that start in [<paramref name="from"/>,
    /// <paramref name="to"/>): whole days from the daily tier, whole hours around them from the hourly tier, the 5-minute
    /// rows only for the ragged ends (a year: ~365 + 2 × 23 + 2 × 11 rows per series).
    /// </summary>
    public Task<IReadOnlyList<SeriesTotals>> TotalsAsync(IReadOnlyCollection<string> systemIds, Instant from, Instant to, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SeriesTotals>>(async c =>
        {
            // One named parameter per system: Dapper hands a list to Npgsql as one array parameter, which "IN" cannot take.
            var bounds = TierBounds(from, to, Day, new { });
            var names = systemIds.Select((id, i) =>
            {
                bounds.Add($"system{i}", id);
                return $"@system{i}";
            }).DefaultIfEmpty("NULL").ToList();
            var systems = $"({string.Join(", ", names)})";
            return (await c.QueryAsync<TotalsRow>(
                // Summed per series before the join, so the join meets one row per series.
                $"SELECT {TotalsColumns} FROM history_series s LEFT JOIN ({SeriesSums} FROM {Tiered($"series_id IN (SELECT id FROM history_series WHERE system_id IN {systems})")} t GROUP BY series_id) r " +
                $"ON r.series_id = s.id WHERE s.system_id IN {systems} ORDER BY s.system_id, s.check_id",
                bounds).ConfigureAwait(false)).Select(r => r.ToTotals()).ToList();
        }, cancellationToken);

    /// <summary>
    /// The sums of one series per slot of <paramref name="slot"/> (a multiple of 5 minutes) over [<paramref name="from"/>,
    /// <paramref name="to"/>), keyed by the slot's start in Unix seconds: what an uptime bar or sparkline draws. Slots of whole
    /// hours that start on an hour read the hourly tier, slots of whole days that start on a UTC midnight also the daily tier.
    /// </summary>
    public Task<IReadOnlyDictionary<long, SeriesTotals>> SlotsAsync(string systemId, string checkId, Instant from, Instant to, Duration slot, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<long, SeriesTotals>>(async c =>
        {
            var width = (long)slot.TotalSeconds;
            var start = from.ToUnixTimeSeconds();
            var coarsest = width % Day == 0 && start % Day == 0 ? Day : width % Hour == 0 && start % Hour == 0 ? Hour : 0;
            var rows = await c.QueryAsync<TotalsRow>(
                "SELECT @start + ((r.bucket - @start) / @width) * @width AS Slot, SUM(r.up_ms) AS UpMs, SUM(r.down_ms) AS DownMs, SUM(r.maintenance_ms) AS MaintenanceMs, " +
                "MIN(r.latency_min_ms) AS LatencyMinMs, MAX(r.latency_max_ms) AS LatencyMaxMs, SUM(r.latency_sum_ms) AS LatencySumMs, SUM(r.latency_count) AS LatencyCount " +
                $"FROM {Tiered("series_id = (SELECT id FROM history_series WHERE system_id = @systemId AND check_id = @checkId)")} r " +
                "GROUP BY @start + ((r.bucket - @start) / @width) * @width",
                TierBounds(from, to, coarsest, new { systemId, checkId, start, width })).ConfigureAwait(false);
            return rows.ToDictionary(r => r.Slot, r => r.ToTotals() with { SystemId = systemId, CheckId = checkId });
        }, cancellationToken);

    /// <summary>The raw results of one check or heartbeat in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public Task<IReadOnlyList<HistorySample>> SamplesAsync(string systemId, string checkId, Instant from, Instant to, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<HistorySample>>(async c => (await c.QueryAsync<SampleRow>(
                "SELECT s.kind AS Kind, r.at_ms AS AtMs, r.state AS State, r.latency_ms AS LatencyMs, r.reason AS Reason FROM check_results r JOIN history_series s ON s.id = r.series_id " +
                "WHERE s.system_id = @systemId AND s.check_id = @checkId AND r.at_ms >= @from AND r.at_ms < @to ORDER BY r.at_ms",
                new { systemId, checkId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() }).ConfigureAwait(false))
            .Select(r => new HistorySample(systemId, checkId, r.Kind, Instant.FromUnixTimeMilliseconds(r.AtMs), Parse(r.State), r.LatencyMs, r.Reason)).ToList(), cancellationToken);

    /// <summary>
    /// Deletes raw results older than 48 hours and rollups older than 400 days before <paramref name="now"/>: 5-minute and
    /// hourly rows in whole hours, daily rows in whole days (the oldest day stays whole in the daily tier until all of it
    /// expired; reads take whole days only). Returns the rows deleted (raw, 5-minute).
    /// </summary>
    public Task<(int Raw, int Rollups)> PurgeAsync(Instant now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (c, t) =>
        {
            // Per series, so both deletes walk the (series, time) keys instead of scanning the tables.
            var ids = (await c.QueryAsync<long>("SELECT id FROM history_series", transaction: t).ConfigureAwait(false)).ToList();
            var rawCutoff = (now - HistoryRetention.Raw).ToUnixTimeMilliseconds();
            // Whole hours in both tiers, so they always hold the same sums.
            var rollupCutoff = (now - HistoryRetention.Rollups).ToUnixTimeSeconds();
            var dailyCutoff = rollupCutoff - (((rollupCutoff % Day) + Day) % Day);
            rollupCutoff -= ((rollupCutoff % Hour) + Hour) % Hour;
            var raw = 0;
            var rollups = 0;
            foreach (var id in ids)
            {
                raw += await c.ExecuteAsync("DELETE FROM check_results WHERE series_id = @id AND at_ms < @rawCutoff", new { id, rawCutoff }, t).ConfigureAwait(false);
                rollups += await c.ExecuteAsync("DELETE FROM check_rollups WHERE series_id = @id AND bucket < @rollupCutoff", new { id, rollupCutoff }, t).ConfigureAwait(false);
                await c.ExecuteAsync("DELETE FROM check_rollups_hourly WHERE series_id = @id AND bucket < @rollupCutoff", new { id, rollupCutoff }, t).ConfigureAwait(false);
                await c.ExecuteAsync("DELETE FROM check_rollups_daily WHERE series_id = @id AND bucket < @dailyCutoff", new { id, dailyCutoff }, t).ConfigureAwait(false);
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

    private sealed record RollupRow(long SeriesId, long Bucket, long UpMs, long DownMs, long MaintenanceMs, long? LatencyMinMs, long? LatencyMaxMs, long LatencySumMs, long LatencyCount)
    {
        public RollupRow(long seriesId, long bucket, RollupCounters counters)
            : this(seriesId, bucket, counters.UpMs, counters.DownMs, counters.MaintenanceMs, counters.LatencyMinMs, counters.LatencyMaxMs, counters.LatencySumMs, counters.LatencyCount)
        {
        }
    }

    private sealed class SampleRow
    {
        public string Kind { get; set; } = "";

        public long AtMs { get; set; }

        public string State { get; set; } = "";

        public long? LatencyMs { get; set; }

        public string? Reason { get; set; }
    }

    private static string Upsert(string table) => $"""
        INSERT INTO {table} ({RollupColumns})
        VALUES (@SeriesId, @Bucket, @UpMs, @DownMs, @MaintenanceMs, @LatencyMinMs, @LatencyMaxMs, @LatencySumMs, @LatencyCount)
        ON CONFLICT (series_id, bucket) DO UPDATE SET
            up_ms = {table}.up_ms + excluded.up_ms,
            down_ms = {table}.down_ms + excluded.down_ms,
            maintenance_ms = {table}.maintenance_ms + excluded.maintenance_ms,
            latency_min_ms = CASE WHEN {table}.latency_min_ms IS NULL OR excluded.latency_min_ms < {table}.latency_min_ms THEN excluded.latency_min_ms ELSE {table}.latency_min_ms END,
            latency_max_ms = CASE WHEN {table}.latency_max_ms IS NULL OR excluded.latency_max_ms > {table}.latency_max_ms THEN excluded.latency_max_ms ELSE {table}.latency_max_ms END,
            latency_sum_ms = {table}.latency_sum_ms + excluded.latency_sum_ms,
            latency_count = {table}.latency_count + excluded.latency_count
        """;

    /// <summary>The 5-minute rows summed per series and <paramref name="width"/> seconds (an hour, a day), for a coarser tier.</summary>
    private static List<RollupRow> Coarser(List<RollupRow> rows, long width) =>
        rows.GroupBy(r => (r.SeriesId, Bucket: r.Bucket - (((r.Bucket % width) + width) % width)))
            .Select(g => new RollupRow(
                g.Key.SeriesId,
                g.Key.Bucket,
                g.Sum(r => r.UpMs),
                g.Sum(r => r.DownMs),
                g.Sum(r => r.MaintenanceMs),
                g.Min(r => r.LatencyMinMs),
                g.Max(r => r.LatencyMaxMs),
                g.Sum(r => r.LatencySumMs),
                g.Sum(r => r.LatencyCount)))
            .ToList();

    /// <summary>
    /// The rollup rows of the series matching <paramref name="series"/> over [@from, @to): 5-minute rows in [@from, @h1) and
    /// [@h2, @to), hourly rows in [@h1, @d1) and [@d2, @h2), daily rows in [@d1, @d2) (see <see cref="TierBounds"/>).
    /// </summary>
    private static string Tiered(string series) => $"""
        (SELECT {RollupColumns} FROM check_rollups WHERE {series} AND bucket >= @from AND bucket < @h1
         UNION ALL SELECT {RollupColumns} FROM check_rollups_hourly WHERE {series} AND bucket >= @h1 AND bucket < @d1
         UNION ALL SELECT {RollupColumns} FROM check_rollups_daily WHERE {series} AND bucket >= @d1 AND bucket < @d2
         UNION ALL SELECT {RollupColumns} FROM check_rollups_hourly WHERE {series} AND bucket >= @d2 AND bucket < @h2
         UNION ALL SELECT {RollupColumns} FROM check_rollups WHERE {series} AND bucket >= @h2 AND bucket < @to)
        """;

    /// <summary>
    /// The bounds of <see cref="Tiered"/> over [from, to) with tiers up to <paramref name="coarsest"/> seconds (0: 5-minute
    /// rows only; an hour; a day): the whole days inside from the daily tier, the whole hours around them from the hourly tier.
    /// </summary>
    private static DynamicParameters TierBounds(Instant from, Instant to, long coarsest, object parameters)
    {
        var start = from.ToUnixTimeSeconds();
        var end = to.ToUnixTimeSeconds();
        var h1 = Up(start, Hour);
        var h2 = Down(end, Hour);
        if (coarsest < Hour || h1 >= h2)
        {
            return Bounds(parameters, start, end, end, end, end, end);
        }

        var d1 = Up(h1, Day);
        var d2 = Down(h2, Day);
        return coarsest < Day || d1 >= d2 ? Bounds(parameters, start, h1, h2, h2, h2, end) : Bounds(parameters, start, h1, d1, d2, h2, end);
    }

    private static long Up(long at, long width) => at + ((width - (((at % width) + width) % width)) % width);

    private static long Down(long at, long width) => at - (((at % width) + width) % width);

    private static DynamicParameters Bounds(object parameters, long from, long h1, long d1, long d2, long h2, long to)
    {
        var bounds = new DynamicParameters(parameters);
        bounds.Add("from", from);
        bounds.Add("h1", h1);
        bounds.Add("d1", d1);
        bounds.Add("d2", d2);
        bounds.Add("h2", h2);
        bounds.Add("to", to);
        return bounds;
    }

    private static string Text(HistoryState state) => state.ToString().ToLowerInvariant();

    private static HistoryState Parse(string text) => Enum.Parse<HistoryState>(text, ignoreCase: true);

    /// <summary>Numbers the series of <paramref name="series"/> not stored yet after the highest id, and returns every one's id.</summary>
    private static async Task<IEnumerable<(string SystemId, string CheckId, long Id)>> CreateSeriesAsync(
        DbConnection c, DbTransaction t, IReadOnlyList<(string SystemId, string CheckId, string Kind)> series)
    {
        var parameters = new DynamicParameters();
        var rows = new List<string>(series.Count);
        var pairs = new List<string>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            parameters.Add($"s{i}", series[i].SystemId);
            parameters.Add($"c{i}", series[i].CheckId);
            parameters.Add($"k{i}", series[i].Kind);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"({i + 1}, @s{i}, @c{i}, @k{i})"));
            pairs.Add(string.Create(CultureInfo.InvariantCulture, $"(@s{i}, @c{i})"));
        }

        await c.ExecuteAsync(
            $"""
            INSERT INTO history_series (id, system_id, check_id, kind)
            SELECT (SELECT COALESCE(MAX(id), 0) FROM history_series) + v.column1, v.column2, v.column3, v.column4
            FROM (VALUES {string.Join(", ", rows)}) AS v
            WHERE NOT EXISTS (SELECT 1 FROM history_series h WHERE h.system_id = v.column2 AND h.check_id = v.column3)
            """,
            parameters, t).ConfigureAwait(false);
        return await c.QueryAsync<(string, string, long)>(
            $"""
            SELECT h.system_id, h.check_id, h.id FROM history_series h
            JOIN (VALUES {string.Join(", ", pairs)}) AS v ON h.system_id = v.column1 AND h.check_id = v.column2
            """,
            parameters, t).ConfigureAwait(false);
    }
}
