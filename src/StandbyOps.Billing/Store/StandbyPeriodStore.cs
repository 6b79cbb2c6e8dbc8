using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Billing.Standby;
using StandbyOps.Storage.Database;

namespace StandbyOps.Billing.Store;

/// <summary>A stored one-off agreed standby period.</summary>
public sealed record StoredStandbyPeriod(string Id, string Customer, StandbyPeriod Period, string CreatedBy, Instant CreatedAt);

/// <summary>One-off agreed standby periods per customer (API.md <c>/customers/{customer}/standby-periods</c>).</summary>
public sealed class StandbyPeriodStore
{
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
        var stored = new StoredStandbyPeriod($"sp_{Guid.NewGuid():N}", customer, period, createdBy, now);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO billing_standby_periods (id, customer, start_at, end_at, note, created_by, created_at)
                VALUES (@Id, @Customer, @Start, @End, @Note, @CreatedBy, @CreatedAt)
                """,
                new
                {
                    stored.Id,
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
            """
            SELECT id AS Id, customer AS Customer, start_at AS StartAt, end_at AS EndAt, note AS Note, created_by AS CreatedBy, created_at AS CreatedAt
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
            """
            SELECT id AS Id, customer AS Customer, start_at AS StartAt, end_at AS EndAt, note AS Note, created_by AS CreatedBy, created_at AS CreatedAt
            FROM billing_standby_periods
            WHERE customer = @customer AND created_at >= @start AND created_at < @end
            ORDER BY created_at, id
            """,
            new { customer, start = InstantTypeHandler.Format(range.Start), end = InstantTypeHandler.Format(range.End) },
            transaction).ConfigureAwait(false);
        return [.. rows.Select(ToStored)];
    }

    private static StoredStandbyPeriod ToStored(Row r) => new(
        r.Id,
        r.Customer,
        new StandbyPeriod(InstantTypeHandler.Parse(r.StartAt), InstantTypeHandler.Parse(r.EndAt), r.Note),
        r.CreatedBy,
        InstantTypeHandler.Parse(r.CreatedAt));

    private sealed record Row(string Id, string Customer, string StartAt, string EndAt, string? Note, string CreatedBy, string CreatedAt);
}
