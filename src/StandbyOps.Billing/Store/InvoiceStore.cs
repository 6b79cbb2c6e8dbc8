using System.Data.Common;
using System.Globalization;
using Dapper;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Billing.Invoices;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Sequences;

namespace StandbyOps.Billing.Store;

/// <summary>A stored invoice or credit note: store id, status (<c>draft</c>, <c>issued</c>, <c>credit</c>) and the snapshot.</summary>
public sealed record StoredInvoice(string Id, string Status, string? CreditedBy, Invoice Invoice);

/// <summary>What an invoice write did.</summary>
public enum InvoiceWriteStatus
{
    /// <summary>Written; <see cref="InvoiceWrite.Invoice"/> is the result.</summary>
    Written,

    /// <summary>No invoice with that id or number.</summary>
    NotFound,

    /// <summary>
    /// The state forbids it (already issued, not issued, already credited, the month has not ended, the draft is older
    /// than its inputs); <see cref="InvoiceWrite.Reason"/> says why.
    /// </summary>
    Conflict,

    /// <summary>The calculator made no draft; <see cref="InvoiceWrite.Outcome"/> says why.</summary>
    NotDrafted,
}

/// <summary>The result of an invoice write.</summary>
public sealed record InvoiceWrite(InvoiceWriteStatus Status, StoredInvoice? Invoice = null, string? Reason = null, InvoiceDraftOutcome? Outcome = null);

/// <summary>
/// Invoices per customer and month. A draft is recomputed on every save; issuing takes the next number of the
/// issue year from a durable sequence in the same transaction and freezes the snapshot; a credit note cancels an
/// issued invoice so the month can be invoiced again.
/// </summary>
public sealed class InvoiceStore
{
    private const string Columns = "id AS Id, status AS Status, credited_by AS CreditedBy, snapshot AS Snapshot";
    private readonly IDatabase _database;
    private readonly IClock _clock;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    public InvoiceStore(IDatabase database, IClock clock)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Whether <paramref name="customer"/>'s <paramref name="month"/> has an issued invoice that is not credited.</summary>
    public static async Task<bool> IsInvoicedAsync(DbConnection connection, DbTransaction? transaction, string customer, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var count = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM billing_invoices WHERE customer = @customer AND month = @month AND status = 'issued' AND credited_by IS NULL",
            new { customer, month = MonthText(month) },
            transaction).ConfigureAwait(false);
        return count > 0;
    }

    /// <summary>
    /// When each month of <paramref name="customer"/> was first issued (credited invoices included): a callout that
    /// became billable after that instant is a late item, billed on the invoice of the month it became billable in.
    /// </summary>
    public static async Task<IReadOnlyDictionary<YearMonth, Instant>> FirstIssuesAsync(DbConnection connection, DbTransaction? transaction, string customer)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<(string Month, string IssuedAt)>(
            "SELECT month, MIN(issued_at) FROM billing_invoices WHERE customer = @customer AND status = 'issued' AND issued_at IS NOT NULL GROUP BY month",
            new { customer },
            transaction).ConfigureAwait(false);
        return rows.ToDictionary(r => YearMonthPattern.Iso.Parse(r.Month).GetValueOrThrow(), r => InstantTypeHandler.Parse(r.IssuedAt));
    }

    /// <summary>
    /// Per month of <paramref name="customer"/> that was ever issued: the last standby period (<see cref="StoredStandbyPeriod.Seq"/>)
    /// its first issued invoice knew. Later periods for that month are late items.
    /// </summary>
    public static async Task<IReadOnlyDictionary<YearMonth, long>> FirstIssuePeriodsAsync(DbConnection connection, DbTransaction? transaction, string customer)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<(string Month, long? PeriodsSeq)>(
            "SELECT month, periods_seq FROM billing_invoices WHERE customer = @customer AND status = 'issued' AND issued_at IS NOT NULL ORDER BY issued_at, id",
            new { customer },
            transaction).ConfigureAwait(false);
        var first = new Dictionary<YearMonth, long>();
        foreach (var (month, seq) in rows)
        {
            first.TryAdd(YearMonthPattern.Iso.Parse(month).GetValueOrThrow(), seq ?? 0);
        }

        return first;
    }

    /// <summary>
    /// Recomputes the draft of <paramref name="customer"/>'s <paramref name="month"/> with <paramref name="draft"/>, which
    /// reads its inputs on the same transaction, and saves it in place of the previous draft.
    /// </summary>
    public Task<InvoiceWrite> SaveDraftAsync(
        string customer,
        YearMonth month,
        Func<DbConnection, DbTransaction, Task<InvoiceDraftOutcome>> draft,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        ArgumentNullException.ThrowIfNull(draft);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var monthText = MonthText(month);
            if (await IssuedAsync(connection, transaction, customer, month).ConfigureAwait(false) is { } issued)
            {
                return new InvoiceWrite(InvoiceWriteStatus.Conflict, issued, $"{customer} {monthText} is already invoiced as {issued.Invoice.Number}; credit it first.");
            }

            var outcome = await draft(connection, transaction).ConfigureAwait(false);
            var periodsSeq = await StandbyPeriodStore.LastSeqAsync(connection, transaction, customer).ConfigureAwait(false);
            var existingId = await connection.ExecuteScalarAsync<string?>(
                "SELECT id FROM billing_invoices WHERE customer = @customer AND month = @monthText AND status = 'draft'",
                new { customer, monthText },
                transaction).ConfigureAwait(false);
            if (outcome is not InvoiceDraftOutcome.Drafted drafted)
            {
                // A stale draft would contradict the current inputs.
                await connection.ExecuteAsync("DELETE FROM billing_invoices WHERE id = @existingId", new { existingId }, transaction).ConfigureAwait(false);
                return new InvoiceWrite(InvoiceWriteStatus.NotDrafted, Outcome: outcome);
            }

            var now = InstantTypeHandler.Format(_clock.GetCurrentInstant());
            var stored = new StoredInvoice(existingId ?? NewId(), "draft", null, drafted.Invoice);
            await connection.ExecuteAsync(
                """
                INSERT INTO billing_invoices (id, customer, month, status, number, credits_id, credited_by, snapshot, created_at, updated_at, periods_seq)
                VALUES (@id, @customer, @monthText, 'draft', NULL, NULL, NULL, @snapshot, @now, @now, @periodsSeq)
                ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at, periods_seq = excluded.periods_seq
                """,
                new { id = stored.Id, customer, monthText, snapshot = InvoiceSnapshot.Write(drafted.Invoice), now, periodsSeq },
                transaction).ConfigureAwait(false);
            return new InvoiceWrite(InvoiceWriteStatus.Written, stored);
        }, cancellationToken);
    }

    /// <summary>
    /// Issues draft <paramref name="id"/>: next number of the issue year, frozen snapshot; one transaction. Refused while
    /// the month has not ended in the invoice's zone (the issue date is still inside it), and when a callout of the
    /// customer changed after the draft was computed (recompute the draft first, so nothing recorded meanwhile is lost).
    /// </summary>
    /// <param name="id">The draft's id.</param>
    /// <param name="issueDateOf">The issue date of the invoice (today in its zone).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task<InvoiceWrite> IssueAsync(string id, Func<Invoice, LocalDate> issueDateOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issueDateOf);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var existing = await GetAsync(connection, transaction, id).ConfigureAwait(false);
            if (existing is null)
            {
                return new InvoiceWrite(InvoiceWriteStatus.NotFound);
            }

            if (existing.Status != "draft")
            {
                return new InvoiceWrite(InvoiceWriteStatus.Conflict, existing, $"Invoice {existing.Invoice.Number} is already issued; correct it with a credit note.");
            }

            var date = issueDateOf(existing.Invoice);
            var firstDayAfter = existing.Invoice.Month.OnDayOfMonth(1).PlusMonths(1);
            if (date < firstDayAfter)
            {
                return new InvoiceWrite(
                    InvoiceWriteStatus.Conflict,
                    existing,
                    $"{existing.Invoice.Customer} {MonthText(existing.Invoice.Month)} has not ended yet in {existing.Invoice.TimeZone} (today is {LocalDatePattern.Iso.Format(date)}); issue it from {LocalDatePattern.Iso.Format(firstDayAfter)}.");
            }

            var draftedAt = await connection.ExecuteScalarAsync<string>("SELECT updated_at FROM billing_invoices WHERE id = @id", new { id = existing.Id }, transaction).ConfigureAwait(false);
            var changed = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM billing_callouts WHERE customer = @customer AND updated_at > @draftedAt",
                new { customer = existing.Invoice.Customer, draftedAt },
                transaction).ConfigureAwait(false);
            var draftedSeq = await connection.ExecuteScalarAsync<long?>("SELECT periods_seq FROM billing_invoices WHERE id = @id", new { id = existing.Id }, transaction).ConfigureAwait(false) ?? 0;
            var agreed = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM billing_standby_periods WHERE customer = @customer AND seq > @draftedSeq",
                new { customer = existing.Invoice.Customer, draftedSeq },
                transaction).ConfigureAwait(false);
            if (changed + agreed > 0)
            {
                return new InvoiceWrite(
                    InvoiceWriteStatus.Conflict,
                    existing,
                    $"{changed} callout(s) and {agreed} standby period(s) of {existing.Invoice.Customer} changed after this draft was computed; recompute the draft (POST /api/v1/invoices) and issue again.");
            }

            var issued = existing.Invoice.Issue(await NextNumberAsync(connection, transaction, date.Year).ConfigureAwait(false), date);
            await connection.ExecuteAsync(
                "UPDATE billing_invoices SET status = 'issued', number = @number, snapshot = @snapshot, updated_at = @now, issued_at = @now WHERE id = @id",
                new { id = existing.Id, number = issued.Number, snapshot = InvoiceSnapshot.Write(issued), now = InstantTypeHandler.Format(_clock.GetCurrentInstant()) },
                transaction).ConfigureAwait(false);
            return new InvoiceWrite(InvoiceWriteStatus.Written, existing with { Status = "issued", Invoice = issued });
        }, cancellationToken);
    }

    /// <summary>Credits issued invoice <paramref name="id"/> (or number): a numbered credit note citing it; the month is open again.</summary>
    public Task<InvoiceWrite> CreditAsync(string id, Func<Invoice, LocalDate> issueDateOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issueDateOf);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            var existing = await GetAsync(connection, transaction, id).ConfigureAwait(false);
            if (existing is null)
            {
                return new InvoiceWrite(InvoiceWriteStatus.NotFound);
            }

            if (existing.Status != "issued")
            {
                return new InvoiceWrite(InvoiceWriteStatus.Conflict, existing, "Only an issued invoice can be credited.");
            }

            if (existing.CreditedBy is not null)
            {
                return new InvoiceWrite(InvoiceWriteStatus.Conflict, existing, $"Invoice {existing.Invoice.Number} is already credited.");
            }

            var date = issueDateOf(existing.Invoice);
            var credit = existing.Invoice.ToCreditNote(await NextNumberAsync(connection, transaction, date.Year).ConfigureAwait(false), date);
            var stored = new StoredInvoice(NewId(), "credit", null, credit);
            var now = InstantTypeHandler.Format(_clock.GetCurrentInstant());
            await connection.ExecuteAsync(
                """
                INSERT INTO billing_invoices (id, customer, month, status, number, credits_id, credited_by, snapshot, created_at, updated_at)
                VALUES (@id, @customer, @month, 'credit', @number, @creditsId, NULL, @snapshot, @now, @now)
                """,
                new { id = stored.Id, customer = credit.Customer, month = MonthText(credit.Month), number = credit.Number, creditsId = existing.Id, snapshot = InvoiceSnapshot.Write(credit), now },
                transaction).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "UPDATE billing_invoices SET credited_by = @creditId, updated_at = @now WHERE id = @id",
                new { creditId = stored.Id, id = existing.Id, now },
                transaction).ConfigureAwait(false);
            return new InvoiceWrite(InvoiceWriteStatus.Written, stored);
        }, cancellationToken);
    }

    /// <summary>The invoice with store id or number <paramref name="idOrNumber"/>, or null.</summary>
    public Task<StoredInvoice?> GetAsync(string idOrNumber, CancellationToken cancellationToken) =>
        _database.ReadAsync(connection => GetAsync(connection, null, idOrNumber), cancellationToken);

    /// <summary>Invoices matching the filters (null = any), by month, customer and number.</summary>
    public Task<IReadOnlyList<StoredInvoice>> ListAsync(string? customer, YearMonth? month, string? status, CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<StoredInvoice>>(async connection =>
        {
            var rows = await connection.QueryAsync<Row>(
                $"""
                SELECT {Columns} FROM billing_invoices
                WHERE (@customer IS NULL OR customer = @customer) AND (@month IS NULL OR month = @month) AND (@status IS NULL OR status = @status)
                ORDER BY month, customer, created_at, id
                """,
                new { customer, month = month is { } m ? MonthText(m) : null, status }).ConfigureAwait(false);
            return [.. rows.Select(ToStored)];
        }, cancellationToken);

    private static async Task<StoredInvoice?> IssuedAsync(DbConnection connection, DbTransaction? transaction, string customer, YearMonth month)
    {
        var row = await connection.QueryFirstOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM billing_invoices WHERE customer = @customer AND month = @month AND status = 'issued' AND credited_by IS NULL",
            new { customer, month = MonthText(month) },
            transaction).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    private static async Task<StoredInvoice?> GetAsync(DbConnection connection, DbTransaction? transaction, string idOrNumber)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM billing_invoices WHERE id = @idOrNumber OR number = @idOrNumber",
            new { idOrNumber },
            transaction).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    private static async Task<string> NextNumberAsync(DbConnection connection, DbTransaction transaction, int year)
    {
        var sequence = await SequenceStore.NextAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"invoice-{year}")).ConfigureAwait(false);
        return InvoiceNumber.Format(year, checked((int)sequence));
    }

    private static string MonthText(YearMonth month) => YearMonthPattern.Iso.Format(month);

    private static StoredInvoice ToStored(Row row) => new(row.Id, row.Status, row.CreditedBy, InvoiceSnapshot.Read(row.Snapshot));

    private static string NewId() => $"inv_{Guid.NewGuid():N}";

    private sealed record Row(string Id, string Status, string? CreditedBy, string Snapshot);
}
