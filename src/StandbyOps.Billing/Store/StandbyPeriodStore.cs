using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Billing.Standby;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Sequences;

namespace StandbyOps.Billing.Store;

/// <summary>
/// A stored one-off agreed standby period; <paramref name="Seq"/> orders the recordings of all periods (0 for periods
/// recorded before the order was kept).
/// </summary>
public sealed record StoredStandbyPeriod(string Id, string Customer, StandbyPeriod Period, string CreatedBy, Instant CreatedAt, long Seq = 0);

/// <summary>One-off agreed standby periods per customer (API.md <c>/customers/{customer}/standby-periods</c>).</summary>
public sealed class StandbyPeriodStore
{
    private const string Sequence = "billing-standby-periods";
    private const string Columns = "id AS Id, customer AS Customer, start_at AS StartAt, end_at AS EndAt, note AS Note, created_by AS CreatedBy, created_at AS CreatedAt, seq AS Seq";
    private readonly IDatabase _database;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    public StandbyPeriodStore(IDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>Stores a period in its own transaction.</summary>
    public Task<StoredStandbyPeriod> AddAsync(string customer, StandbyPeriod period, string createdBy, Instant now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var seq = await SequenceStore.NextAsync(connection, transaction, Sequence).ConfigureAwait(false);
            var stored = new StoredStandbyPeriod($"sp_{Guid.NewGuid():N}", customer, period, createdBy, now, seq);
            await connection.ExecuteAsync(
                """
                INSERT INTO billing_standby_periods (id, customer, start_at, end_at, note, created_by, created_at, seq)
                VALUES (@Id, @Customer, @Start, @End, @Note, @CreatedBy, @CreatedAt, @Seq)
                """,
                new
                {
                    stored.Id,
                    stored.Seq,
                    stored.Customer,
                    Start = InstantTypeHandler.Format(period.Start),
                    End = InstantTypeHandler.Format(period.End),
                    period.Note,
                    stored.CreatedBy,
                    CreatedAt = InstantTypeHandler.Format(now),
                },
                transaction).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    /// <summary>The periods of <paramref name="customer"/> overlapping <paramref name="range"/>, by start.</summary>
    public Task<IReadOnlyList<StoredStandbyPeriod>> ListAsync(string customer, Interval range, CancellationToken cancellationToken) =>
        _database.ReadAsync(connection => ListAsync(connection, null, customer, range), cancellationToken);

    /// <summary>The periods overlapping <paramref name="range"/>, read on the caller's connection (and transaction).</summary>
    public static async Task<IReadOnlyList<StoredStandbyPeriod>> ListAsync(DbConnection connection, DbTransaction? transaction, string customer, Interval range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<Row>(
            $"""
            SELECT {Columns}
            FROM billing_standby_periods
            WHERE customer = @customer AND start_at < @end AND end_at > @start
            ORDER BY start_at, id
            """,
            new { customer, start = InstantTypeHandler.Format(range.Start), end = InstantTypeHandler.Format(range.End) },
            transaction).ConfigureAwait(false);
        return [.. rows.Select(ToStored)];
    }

    /// <summary>
    /// The periods of <paramref name="customer"/> recorded (<c>created_at</c>) inside <paramref name="range"/>, whatever
    /// time they cover: the candidates for late standby of months invoiced before they were recorded.
    /// </summary>
    public static async Task<IReadOnlyList<StoredStandbyPeriod>> ListRecordedAsync(DbConnection connection, DbTransaction? transaction, string customer, Interval range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<Row>(
            $"""
            SELECT {Columns}
            FROM billing_standby_periods
            WHERE customer = @customer AND created_at >= @start AND created_at < @end
            ORDER BY created_at, id
            """,
            new { customer, start = InstantTypeHandler.Format(range.Start), end = InstantTypeHandler.Format(range.End) },
            transaction).ConfigureAwait(false);
        return [.. rows.Select(ToStored)];
    }

    /// <summary>The last recorded period of <paramref name="customer"/> (its <see cref="StoredStandbyPeriod.Seq"/>; 0 when none).</summary>
    public static async Task<long> LastSeqAsync(DbConnection connection, DbTransaction? transaction, string customer)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(MAX(seq), 0) FROM billing_standby_periods WHERE customer = @customer",
            new { customer },
            transaction).ConfigureAwait(false);
    }

    private static StoredStandbyPeriod ToStored(Row r) => new(
        r.Id,
        r.Customer,
        new StandbyPeriod(InstantTypeHandler.Parse(r.StartAt), InstantTypeHandler.Parse(r.EndAt), r.Note),
        r.CreatedBy,
        InstantTypeHandler.Parse(r.CreatedAt),
        r.Seq ?? 0);

    private sealed record Row(string Id, string Customer, string StartAt, string EndAt, string? Note, string CreatedBy, string CreatedAt, long? Seq);
}
