using NodaTime;
using NodaTime.Text;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Invoices;

/// <summary>Drafts the invoice of one customer for one calendar month of the contract's zone.</summary>
/// <remarks>
/// A standby window belongs to the month of its local start date, with all its agreed minutes: the night of
/// 30 Nov → 1 Dec is billed in November in full, the night of 31 Oct → 1 Nov in October. A callout belongs to
/// the month of its local start. A callout must start inside agreed standby (its work may run past the end of
/// standby and is billed in full). Lines are ordered by start, standby before callout, then engineer and case.
/// </remarks>
public static class InvoiceCalculator
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    /// <summary>Drafts the invoice, or says why there is none.</summary>
    public static InvoiceDraftOutcome Draft(InvoiceRequest request)
    {
        Preconditions.NotNull(request, nameof(request));
        var terms = request.Terms;
        var card = terms.RateCard;
        var first = request.Month.OnDayOfMonth(1);
        var next = first.PlusMonths(1);

        // Wide enough for every window that starts in the month (they end at most a day later) and its callouts.
        var range = new Interval(
            LocalTimePolicy.ToInstant(first.PlusDays(-2).AtMidnight(), terms.Zone),
            LocalTimePolicy.ToInstant(next.PlusDays(3).AtMidnight(), terms.Zone));
        var agreed = request.Agreed.Resolve(range, terms);

        var lines = new List<InvoiceLine>();
        foreach (var window in StandbyWindows.Cut(agreed, first, next, terms))
        {
            lines.Add(new StandbyLine(
                window.Category,
                window.Start,
                window.End,
                window.LocalStart,
                window.LocalEnd,
                window.AgreedMinutes,
                window.BilledMinutes,
                window.RatePercent,
                card.HourlyRate,
                Money.LineAmount(window.BilledMinutes, card.HourlyRate, window.RatePercent)));
        }

        var problems = new List<BillingProblem>();
        foreach (var callout in request.Callouts)
        {
            var start = MinuteGrid.Floor(callout.Start);
            var localStart = start.InZone(terms.Zone).LocalDateTime;
            if (localStart.Date < first || localStart.Date >= next)
            {
                continue;
            }

            if (!IntervalUnion.Contains(agreed, start))
            {
                problems.Add(OutsideStandby(callout, localStart, terms.Zone));
                continue;
            }

            lines.Add(CalloutLine(callout, start, localStart, terms));
        }

        foreach (var callout in request.LateCallouts)
        {
            var start = MinuteGrid.Floor(callout.Start);
            lines.Add(CalloutLine(callout, start, start.InZone(terms.Zone).LocalDateTime, terms) with { Late = true });
        }

        if (problems.Count > 0)
        {
            return new InvoiceDraftOutcome.Rejected(problems);
        }

        if (lines.Count == 0)
        {
            return new InvoiceDraftOutcome.NothingToBill(request.Customer, request.Month);
        }

        lines.Sort(CompareLines);
        var subtotal = Money.Cents(lines.Sum(l => l.Amount));
        var vat = Money.Vat(subtotal, card.VatPercent);
        return new InvoiceDraftOutcome.Drafted(new Invoice(
            InvoiceType.Invoice,
            InvoiceStatus.Draft,
            number: null,
            issueDate: null,
            creditedNumber: null,
            request.Customer,
            request.CustomerName,
            request.Month,
            terms.Zone.Id,
            card.Currency,
            card.VatPercent,
            lines,
            subtotal,
            vat,
            subtotal + vat));
    }

    private static CalloutLine CalloutLine(Callout callout, Instant start, LocalDateTime localStart, ContractTerms terms)
    {
        var card = terms.RateCard;
        var end = MinuteGrid.Floor(callout.End);
        var worked = MinuteGrid.Minutes(start, end);
        var billed = Math.Max(worked, card.Callout.MinimumMinutes);
        return new CalloutLine(
            callout.Engineer,
            callout.CaseNumber,
            start,
            end,
            localStart,
            end.InZone(terms.Zone).LocalDateTime,
            worked,
            billed,
            card.Callout.Percent,
            card.HourlyRate,
            Money.LineAmount(billed, card.HourlyRate, card.Callout.Percent));
    }

    private static BillingProblem OutsideStandby(Callout callout, LocalDateTime localStart, DateTimeZone zone) =>
        new(
            BillingProblem.CalloutOutsideStandbyCode,
            $"The callout of {callout.Engineer}{(callout.CaseNumber is null ? string.Empty : $" for {callout.CaseNumber}")} "
            + $"starts at {LocalPattern.Format(localStart)} ({zone.Id}), which is not inside agreed standby.");

    private static int CompareLines(InvoiceLine a, InvoiceLine b)
    {
        var byStart = a.Start.CompareTo(b.Start);
        if (byStart != 0)
        {
            return byStart;
        }

        var byKind = a.Kind.CompareTo(b.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        if (a is CalloutLine ca && b is CalloutLine cb)
        {
            var byEngineer = string.CompareOrdinal(ca.Engineer, cb.Engineer);
            if (byEngineer != 0)
            {
                return byEngineer;
            }

            var byCase = string.CompareOrdinal(ca.CaseNumber, cb.CaseNumber);
            if (byCase != 0)
            {
                return byCase;
            }
        }

        return a.End.CompareTo(b.End);
    }
}
