using System.Security.Claims;
using NodaTime;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Standby;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Core.Standby;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Storage.Database;

namespace StandbyOps.Server.Api;

/// <summary>
/// The billing operations behind both <c>/api/v1/invoices</c> and the web UI's finance pages, so a draft, an issue
/// or the standby-hours report is the same computation whichever door it came in by.
/// </summary>
public static class BillingOperations
{
    /// <summary>Creates or recomputes the draft of <paramref name="customer"/>'s <paramref name="month"/>; null when the customer is unknown to the caller.</summary>
    public static async Task<InvoiceWrite?> DraftAsync(
        StandbyOpsConfig config, InvoiceStore store, string customer, YearMonth month, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        if (BillingInput.Contract(config, customer, user) is not { } contract)
        {
            return null;
        }

        return await store.SaveDraftAsync(contract.Customer, month, (c, t) => ComputeDraftAsync(c, t, contract, config, month), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drafts <paramref name="month"/> of <paramref name="contract"/> from the store, inside the caller's transaction, with
    /// the seller and customer blocks of <paramref name="config"/>.
    /// </summary>
    public static async Task<InvoiceDraftOutcome> ComputeDraftAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CustomerContract contract, StandbyOpsConfig config, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(config);
        var customer = config.Customers[contract.Customer];
        var range = BillingInput.WideMonth(contract, month);
        var periods = await StandbyPeriodStore.ListAsync(connection, transaction, contract.Customer, range).ConfigureAwait(false);
        var started = await CalloutStore.ListAsync(connection, transaction, contract.Customer, range).ConfigureAwait(false);
        var becameBillable = await CalloutStore.ListBecameBillableAsync(connection, transaction, contract.Customer, range).ConfigureAwait(false);
        var firstIssues = await InvoiceStore.FirstIssuesAsync(connection, transaction, contract.Customer).ConfigureAwait(false);
        var knownPeriods = await InvoiceStore.FirstIssuePeriodsAsync(connection, transaction, contract.Customer).ConfigureAwait(false);

        // Each callout is billed on exactly one month's invoice: the month it started in, or, as a late item, the month
        // it became billable in when its own month had already been issued (CalloutStore.BillingMonth). Open callouts
        // are billed once paging or finance records their end.
        var regular = new List<Billing.Callouts.Callout>();
        var late = new List<Billing.Callouts.Callout>();
        foreach (var callout in started.Concat(becameBillable).DistinctBy(c => c.Id))
        {
            var (billedIn, isLate) = CalloutStore.BillingMonth(callout, firstIssues, at => BillingInput.MonthOf(contract, at));
            if (billedIn == month && callout.ToCallout() is { } billable)
            {
                (isLate ? late : regular).Add(billable);
            }
        }

        // A month ever issued keeps the standby agreed when it was first issued; what was agreed for it later is billed
        // as late items (LateStandbyAsync), so crediting and redrafting it cannot bill those a second time.
        var known = knownPeriods.TryGetValue(month, out var lastKnown) ? periods.Where(p => p.Seq <= lastKnown) : periods;
        var outcome = InvoiceCalculator.Draft(new InvoiceRequest(
            contract.Customer,
            month,
            contract.Terms,
            new AgreedStandby(contract.Coverage, known.Select(p => p.Period)),
            regular,
            customer.Name,
            late,
            await LateStandbyAsync(connection, transaction, contract, month, firstIssues, knownPeriods).ConfigureAwait(false)));
        return outcome is InvoiceDraftOutcome.Drafted drafted
            ? new InvoiceDraftOutcome.Drafted(drafted.Invoice with { Seller = Seller(config), Buyer = Buyer(customer) })
            : outcome;
    }

    /// <summary>
    /// Standby agreed for earlier, already issued months by periods recorded during <paramref name="month"/> (in the
    /// contract's zone): per such month, what was agreed before and after this month's additions. A period its first
    /// issued invoice knew was billed on it; one recorded later is billed on the invoice of the month it was recorded in,
    /// exactly once (the "after" of one month is the "before" of the next).
    /// </summary>
    private static async Task<IReadOnlyList<LateStandby>> LateStandbyAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction? transaction,
        CustomerContract contract,
        YearMonth month,
        IReadOnlyDictionary<YearMonth, Instant> firstIssues,
        IReadOnlyDictionary<YearMonth, long> knownPeriods)
    {
        var recorded = BillingInput.ExactMonth(contract, month);
        var added = await StandbyPeriodStore.ListRecordedAsync(connection, transaction, contract.Customer, recorded).ConfigureAwait(false);
        var touched = new SortedSet<YearMonth>();
        foreach (var period in added)
        {
            // A window belongs to the month of its local start: a night that starts the evening before the period counts too.
            for (var m = BillingInput.MonthOf(contract, period.Period.Start - Duration.FromDays(1)); m <= BillingInput.MonthOf(contract, period.Period.End); m = m.PlusMonths(1))
            {
                if (m != month && firstIssues.TryGetValue(m, out var issuedAt) && issuedAt < recorded.End)
                {
                    touched.Add(m);
                }
            }
        }

        var late = new List<LateStandby>();
        foreach (var serviceMonth in touched)
        {
            var known = knownPeriods.GetValueOrDefault(serviceMonth);
            var all = await StandbyPeriodStore.ListAsync(connection, transaction, contract.Customer, BillingInput.WideMonth(contract, serviceMonth)).ConfigureAwait(false);
            late.Add(new LateStandby(
                serviceMonth,
                new AgreedStandby(contract.Coverage, all.Where(p => p.Seq <= known || p.CreatedAt < recorded.Start).Select(p => p.Period)),
                new AgreedStandby(contract.Coverage, all.Where(p => p.Seq <= known || p.CreatedAt < recorded.End).Select(p => p.Period))));
        }

        return late;
    }

    /// <summary>The seller block of <paramref name="config"/>, or null when it has no <c>seller:</c>.</summary>
    public static InvoiceSeller? Seller(StandbyOpsConfig config) =>
        config?.Seller is { } seller ? new InvoiceSeller(seller.Name, seller.Address, seller.VatId, seller.Iban, seller.Bic, seller.PaymentTermsDays) : null;

    private static InvoiceParty Buyer(Configuration.Customers.CustomerConfig customer) =>
        customer.Billing is { } billing ? new InvoiceParty(billing.LegalName, billing.Address, billing.VatId) : new InvoiceParty(customer.Name, [], null);

    /// <summary>Issues draft <paramref name="id"/>, dated today in the invoice's zone.</summary>
    public static Task<InvoiceWrite> IssueAsync(InvoiceStore store, IClock clock, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        return store.IssueAsync(id, invoice => Today(clock, invoice), cancellationToken);
    }

    /// <summary>Credits issued invoice <paramref name="id"/>, dated today in the invoice's zone.</summary>
    public static Task<InvoiceWrite> CreditAsync(InvoiceStore store, IClock clock, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        return store.CreditAsync(id, invoice => Today(clock, invoice), cancellationToken);
    }

    /// <summary>
    /// Per customer (all, or just <paramref name="customer"/>): the on-call shifts of its team's rota clipped to the
    /// customer's agreed standby, plus its callouts, cut into category windows in the customer's zone (no minimums;
    /// see docs/invoices.md). Null when <paramref name="customer"/> is unknown to the caller.
    /// </summary>
    public static async Task<IReadOnlyList<BillingApi.StandbyHoursResponse>?> StandbyHoursAsync(
        YearMonth month, string? customer, ClaimsPrincipal user, StandbyOpsConfig config, Rota.TeamRotas rotas, IDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rotas);
        ArgumentNullException.ThrowIfNull(database);
        var monthText = month.ToString("uuuu-MM", System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<BillingApi.StandbyHoursResponse>();
        var customers = customer is null ? config.Customers.Keys.Order(StringComparer.Ordinal).ToList() : [customer];
        foreach (var id in customers)
        {
            if (BillingInput.Contract(config, id, user) is not { } contract)
            {
                return null;
            }

            var range = BillingInput.WideMonth(contract, month);
            var (periods, callouts, firstIssues, knownPeriods) = await database.ReadAsync(async c => (
                await StandbyPeriodStore.ListAsync(c, null, id, range).ConfigureAwait(false),
                await CalloutStore.ListAsync(c, null, id, range).ConfigureAwait(false),
                await InvoiceStore.FirstIssuesAsync(c, null, id).ConfigureAwait(false),
                await InvoiceStore.FirstIssuePeriodsAsync(c, null, id).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            var rota = config.Customers[id].Team is { } team ? await rotas.ForAsync(team, cancellationToken).ConfigureAwait(false) : null;
            var all = HoursReport(month, contract, rota, range, periods, callouts);

            // Late items: agreed after the month was first issued, or callouts billed late (CalloutStore.BillingMonth);
            // the report counts them in the month worked and says how many of its minutes were billed late.
            var onTime = knownPeriods.TryGetValue(month, out var known)
                ? HoursReport(
                    month,
                    contract,
                    rota,
                    range,
                    periods.Where(p => p.Seq <= known).ToList(),
                    callouts.Where(c => !CalloutStore.BillingMonth(c, firstIssues, at => BillingInput.MonthOf(contract, at)).Late).ToList())
                : all;
            var punctual = onTime.ToDictionary(r => (r.Engineer, r.Category), r => r.Minutes);
            rows.AddRange(all.Where(r => r.Minutes != 0).Select(r =>
            {
                var late = r with { Minutes = r.Minutes - punctual.GetValueOrDefault((r.Engineer, r.Category)) };
                return new BillingApi.StandbyHoursResponse(id, r.Engineer, monthText, r.Category.ToString().ToLowerInvariant(), r.Minutes, r.Hours, late.Minutes, late.Hours);
            }));
        }

        return rows;
    }

    /// <summary>The rota's on-call shifts clipped to the agreed standby, plus the callouts, as the month's report rows.</summary>
    private static IReadOnlyList<Billing.Reports.StandbyHoursRow> HoursReport(
        YearMonth month, CustomerContract contract, Core.Rota.Rota? rota, Interval range, IReadOnlyList<StoredStandbyPeriod> periods, IReadOnlyList<StoredCallout> callouts)
    {
        var agreed = new AgreedStandby(contract.Coverage, periods.Select(p => p.Period)).Resolve(range, contract.Terms.Standby);
        var shifts = new List<Billing.Reports.EngineerShift>();
        if (rota is not null)
        {
            foreach (var shift in rota.Timeline(Core.Rota.ShiftRole.OnCall, range.Start, range.End))
            {
                foreach (var interval in agreed)
                {
                    var start = Instant.Max(shift.Start, interval.Start);
                    var end = Instant.Min(shift.End, interval.End);
                    if (end > start)
                    {
                        shifts.Add(new Billing.Reports.EngineerShift(shift.Engineer, start, end));
                    }
                }
            }
        }

        return Billing.Reports.StandbyHoursReport.Compute(month, shifts, callouts.Select(c => c.ToCallout()).OfType<Billing.Callouts.Callout>(), contract.Terms);
    }

    private static LocalDate Today(IClock clock, Invoice invoice) =>
        clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[invoice.TimeZone]).Date;
}
