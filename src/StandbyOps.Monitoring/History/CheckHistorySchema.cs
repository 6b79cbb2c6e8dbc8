using StandbyOps.Storage.Migrations;

namespace StandbyOps.Monitoring.History;

/// <summary>
/// Check history (versions 260–269): raw results, 5-minute rollups and the hourly and daily tiers. Instants here are Unix milliseconds (raw) and Unix seconds (rollup
/// buckets) as BIGINT rather than the usual ISO text, because these tables hold millions of rows and their size
/// is the point; a series is named by a small number so rows do not repeat the system and check ids.
/// </summary>
public static class CheckHistorySchema
{
    /// <summary>The migrations.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(260, "check history", """
            CREATE TABLE history_series (
                id         BIGINT NOT NULL PRIMARY KEY,
                system_id  TEXT NOT NULL,
                check_id   TEXT NOT NULL,
                kind       TEXT NOT NULL,
                UNIQUE (system_id, check_id)
            );
            CREATE TABLE check_results (
                series_id   BIGINT NOT NULL,
                at_ms       BIGINT NOT NULL,
                state       TEXT NOT NULL,
                latency_ms  BIGINT NULL,
                reason      TEXT NULL
            );
            CREATE INDEX check_results_by_series ON check_results (series_id, at_ms);
            CREATE TABLE check_rollups (
                series_id       BIGINT NOT NULL,
                bucket          BIGINT NOT NULL,
                up_ms           BIGINT NOT NULL,
                down_ms         BIGINT NOT NULL,
                maintenance_ms  BIGINT NOT NULL,
                latency_min_ms  BIGINT NULL,
                latency_max_ms  BIGINT NULL,
                latency_sum_ms  BIGINT NOT NULL,
                latency_count   BIGINT NOT NULL,
                PRIMARY KEY (series_id, bucket)
            );
            """),
        // The hourly tier: the same sums per hour, added on every write beside the 5-minute rows, so a long period reads
        // 1/12 of the rows. The backfill turns the 5-minute rows already stored into hours.
        new(261, "check history hourly tier", """
            CREATE TABLE check_rollups_hourly (
                series_id       BIGINT NOT NULL,
                bucket          BIGINT NOT NULL,
                up_ms           BIGINT NOT NULL,
                down_ms         BIGINT NOT NULL,
                maintenance_ms  BIGINT NOT NULL,
                latency_min_ms  BIGINT NULL,
                latency_max_ms  BIGINT NULL,
                latency_sum_ms  BIGINT NOT NULL,
                latency_count   BIGINT NOT NULL,
                PRIMARY KEY (series_id, bucket)
            );
            INSERT INTO check_rollups_hourly (series_id, bucket, up_ms, down_ms, maintenance_ms, latency_min_ms, latency_max_ms, latency_sum_ms, latency_count)
            SELECT series_id, bucket - (bucket % 3600), SUM(up_ms), SUM(down_ms), SUM(maintenance_ms), MIN(latency_min_ms), MAX(latency_max_ms), SUM(latency_sum_ms), SUM(latency_count)
            FROM check_rollups GROUP BY series_id, bucket - (bucket % 3600);
            """),
        // The daily tier (UTC days): a year of one series is ~365 rows plus the hours and 5-minute rows at the ends, so a
        // year's report reads ~430 rows per series instead of 8,760. Backfilled from the hourly tier.
        new(262, "check history daily tier", """
            CREATE TABLE check_rollups_daily (
                series_id       BIGINT NOT NULL,
                bucket          BIGINT NOT NULL,
                up_ms           BIGINT NOT NULL,
                down_ms         BIGINT NOT NULL,
                maintenance_ms  BIGINT NOT NULL,
                latency_min_ms  BIGINT NULL,
                latency_max_ms  BIGINT NULL,
                latency_sum_ms  BIGINT NOT NULL,
                latency_count   BIGINT NOT NULL,
                PRIMARY KEY (series_id, bucket)
            );
            INSERT INTO check_rollups_daily (series_id, bucket, up_ms, down_ms, maintenance_ms, latency_min_ms, latency_max_ms, latency_sum_ms, latency_count)
            SELECT series_id, bucket - (bucket % 86400), SUM(up_ms), SUM(down_ms), SUM(maintenance_ms), MIN(latency_min_ms), MAX(latency_max_ms), SUM(latency_sum_ms), SUM(latency_count)
            FROM check_rollups_hourly GROUP BY series_id, bucket - (bucket % 86400);
            """),
    ];
}
