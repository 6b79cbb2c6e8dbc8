using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Storage.Database;

namespace StandbyOps.Billing.Store;

/// <summary>A stored callout; <see cref="End"/> is null while the work is still open.</summary>
public sealed record StoredCallout(string Id, string Customer, string Engineer, string? CaseNumber, Instant Start, Instant? End, Instant CreatedAt, Instant UpdatedAt)
{
    /// <summary>The callout as billing sees it; null while it is open.</summary>
    public Callout? ToCallout() => End is { } end ? new Callout(Engineer, CaseNumber, Start, end > Start ? end : Start + Duration.FromMinutes(1)) : null;
}

/// <summary>The values of a callout written by finance: everything except its id and timestamps.</summary>
public sealed record CalloutValues(string Customer, string Engineer, string? CaseNumber, Instant Start, Instant End);

/// <summary>What a write of a callout did.</summary>
public enum CalloutWriteStatus
{
    /// <summary>Written.</summary>
    Written,

    /// <summary>No callout with that id.</summary>
    NotFound,

    /// <summary>The invoice the callout is billed on is issued; nothing was written.</summary>
    Invoiced,
}

/// <summary>The result of a callout write: the status, the callout (when written) and the blocking month (when invoiced).</summary>
public sealed record CalloutWrite(CalloutWriteStatus Status, StoredCallout? Callout, YearMonth? InvoicedMonth = null);

/// <summary>
/// Callouts per customer: recorded by paging at acknowledgements, and written or corrected by finance. A callout that
/// becomes billable after its month's invoice was issued is kept as a late item (<see cref="BillingMonth"/>).
/// </summary>
public sealed class CalloutStore : ICalloutRecorder
{
    private const string Columns = "id AS Id, customer AS Customer, engineer AS Engineer, case_number AS CaseNumber, start_at AS StartAt, end_at AS EndAt, created_at AS CreatedAt, updated_at AS UpdatedAt";
    private readonly IDatabase _database;
    private readonly IClock _clock;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    public CalloutStore(IDatabase database, IClock clock)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc/>
    public Task OpenAsync(string customer, string engineer, string caseNumber, Instant start, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(engineer);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        var now = InstantTypeHandler.Format(_clock.GetCurrentInstant());

        // A repeated acknowledgement of the same case hits the open-case unique index and changes nothing.
        return _database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            INSERT INTO billing_callouts (id, customer, engineer, case_number, start_at, end_at, created_at, updated_at)
            VALUES (@id, @customer, @engineer, @caseNumber, @start, NULL, @now, @now)
            ON CONFLICT DO NOTHING
            """,
            new { id = NewId(), customer, engineer, caseNumber, start = InstantTypeHandler.Format(start), now },
            transaction), cancellationToken);
    }

    /// <inheritdoc/>
    public Task CloseAsync(string caseNumber, Instant end, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        var now = InstantTypeHandler.Format(_clock.GetCurrentInstant());
        return _database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "UPDATE billing_callouts SET end_at = @end, updated_at = @now WHERE case_number = @caseNumber AND end_at IS NULL",
            new { caseNumber, end = InstantTypeHandler.Format(end), now },
            transaction), cancellationToken);
    }

    /// <summary>
    /// The month whose invoice bills <paramref name="callout"/>: the month it started in, or, when it became billable
    /// (was recorded, closed or corrected: <see cref="StoredCallout.UpdatedAt"/>) after that month was first issued, the
    /// month it became billable in, as a late item. That month cannot have been issued then: a month is issued only
    /// after it ends. <paramref name="firstIssues"/>: <see cref="InvoiceStore.FirstIssuesAsync"/>.
    /// </summary>
    public static (YearMonth Month, bool Late) BillingMonth(StoredCallout callout, IReadOnlyDictionary<YearMonth, Instant> firstIssues, Func<Instant, YearMonth> monthOf)
    {
        ArgumentNullException.ThrowIfNull(callout);
        ArgumentNullException.ThrowIfNull(firstIssues);
        ArgumentNullException.ThrowIfNull(monthOf);
        var serviceMonth = monthOf(callout.Start);
        return firstIssues.TryGetValue(serviceMonth, out var issuedAt) && callout.UpdatedAt > issuedAt
            ? (monthOf(callout.UpdatedAt), true)
            : (serviceMonth, false);
    }

    /// <summary>
    /// Adds a finished callout. When its month is already invoiced it becomes a late item of the current month
    /// (<see cref="BillingMonth"/>); nothing is refused.
    /// </summary>
    public Task<CalloutWrite> AddAsync(CalloutValues values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var now = _clock.GetCurrentInstant();
            var stored = new StoredCallout(NewId(), values.Customer, values.Engineer, values.CaseNumber, values.Start, values.End, now, now);
            await connection.ExecuteAsync(
                """
                INSERT INTO billing_callouts (id, customer, engineer, case_number, start_at, end_at, created_at, updated_at)
                VALUES (@Id, @Customer, @Engineer, @CaseNumber, @StartAt, @EndAt, @Now, @Now)
                """,
                Parameters(stored),
                transaction).ConfigureAwait(false);
            return new CalloutWrite(CalloutWriteStatus.Written, stored);
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces the values of callout <paramref name="id"/> unless the invoice that bills it (<see cref="BillingMonth"/>)
    /// is issued. A correction of a callout whose month is invoiced becomes a late item of the current month.
    /// </summary>
    public Task<CalloutWrite> UpdateAsync(string id, CalloutValues values, Func<Instant, YearMonth> monthOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(monthOf);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var existing = await GetAsync(connection, transaction, id).ConfigureAwait(false);
            if (existing is null)
            {
                return new CalloutWrite(CalloutWriteStatus.NotFound, null);
            }

            var firstIssues = await InvoiceStore.FirstIssuesAsync(connection, transaction, existing.Customer).ConfigureAwait(false);
            var (month, _) = BillingMonth(existing, firstIssues, monthOf);
            if (existing.End is not null && await InvoiceStore.IsInvoicedAsync(connection, transaction, existing.Customer, month).ConfigureAwait(false))
            {
                return new CalloutWrite(CalloutWriteStatus.Invoiced, existing, month);
            }

            var stored = existing with
            {
                Customer = values.Customer,
                Engineer = values.Engineer,
                CaseNumber = values.CaseNumber,
                Start = values.Start,
                End = values.End,
                UpdatedAt = _clock.GetCurrentInstant(),
            };
            await connection.ExecuteAsync(
                """
                UPDATE billing_callouts
                SET customer = @Customer, engineer = @Engineer, case_number = @CaseNumber, start_at = @StartAt, end_at = @EndAt, updated_at = @Now
                WHERE id = @Id
                """,
                Parameters(stored),
                transaction).ConfigureAwait(false);
            return new CalloutWrite(CalloutWriteStatus.Written, stored);
        }, cancellationToken);
    }

    /// <summary>The callout with <paramref name="id"/>, or null.</summary>
    public Task<StoredCallout?> GetAsync(string id, CancellationToken cancellationToken) =>
        _database.ReadAsync(connection => GetAsync(connection, null, id), cancellationToken);

    /// <summary>Callouts of <paramref name="customer"/> (all when null) starting inside <paramref name="range"/>, by start.</summary>
    public Task<IReadOnlyList<StoredCallout>> ListAsync(string? customer, Interval range, CancellationToken cancellationToken) =>
        _database.ReadAsync(connection => ListAsync(connection, null, customer, range), cancellationToken);

    /// <summary>Finished callouts of <paramref name="customer"/> that became billable (<c>updated_at</c>) inside <paramref name="range"/>: the candidates for late items.</summary>
    public static async Task<IReadOnlyList<StoredCallout>> ListBecameBillableAsync(DbConnection connection, DbTransaction? transaction, string customer, Interval range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<Row>(
            $"""
            SELECT {Columns} FROM billing_callouts
            WHERE customer = @customer AND end_at IS NOT NULL AND updated_at >= @start AND updated_at < @end
            ORDER BY start_at, id
            """,
            new { customer, start = InstantTypeHandler.Format(range.Start), end = InstantTypeHandler.Format(range.End) },
            transaction).ConfigureAwait(false);
        return [.. rows.Select(ToStored)];
    }

    /// <summary>Callouts starting inside <paramref name="range"/>, read on the caller's connection (and transaction).</summary>
    public static async Task<IReadOnlyList<StoredCallout>> ListAsync(DbConnection connection, DbTransaction? transaction, string? customer, Interval range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<Row>(
            $"""
            SELECT {Columns} FROM billing_callouts
            WHERE (@customer IS NULL OR customer = @customer) AND start_at >= @start AND start_at < @end
            ORDER BY start_at, id
            """,
            new { customer, start = InstantTypeHandler.Format(range.Start), end = InstantTypeHandler.Format(range.End) },
            transaction).ConfigureAwait(false);
        return [.. rows.Select(ToStored)];
    }

    private static async Task<StoredCallout?> GetAsync(DbConnection connection, DbTransaction? transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM billing_callouts WHERE id = @id", new { id }, transaction).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    private static object Parameters(StoredCallout callout) => new
    {
        callout.Id,
        callout.Customer,
        callout.Engineer,
        callout.CaseNumber,
        StartAt = InstantTypeHandler.Format(callout.Start),
        EndAt = callout.End is { } end ? InstantTypeHandler.Format(end) : null,
        Now = InstantTypeHandler.Format(callout.UpdatedAt),
    };

    private static StoredCallout ToStored(Row row) => new(
        row.Id,
        row.Customer,
        row.Engineer,
        row.CaseNumber,
        InstantTypeHandler.Parse(row.StartAt),
        row.EndAt is null ? null : InstantTypeHandler.Parse(row.EndAt),
        InstantTypeHandler.Parse(row.CreatedAt),
        InstantTypeHandler.Parse(row.UpdatedAt));

    private static string NewId() => $"co_{Guid.NewGuid():N}";

    private sealed record Row(string Id, string Customer, string Engineer, string? CaseNumber, string StartAt, string? EndAt, string CreatedAt, string UpdatedAt);
}
