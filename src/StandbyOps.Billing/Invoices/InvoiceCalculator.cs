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

        var agreed = request.Agreed.Resolve(WideRange(request.Month, terms), terms.Standby);
        var lines = new List<InvoiceLine>(StandbyLines(request.Month, agreed, terms));

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

        foreach (var late in request.LateStandby)
        {
            lines.AddRange(LateStandbyLines(late, terms));
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

    /// <summary>
    /// The late lines of <paramref name="late"/>: per window of its service month, the difference between the window
    /// agreed after and before (billed minutes, agreed minutes and amount, each line's amount rounded as usual); windows
    /// that bill the same are left out. Successive differences add up exactly, to the cent.
    /// </summary>
    public static IReadOnlyList<StandbyLine> LateStandbyLines(LateStandby late, ContractTerms terms)
    {
        Preconditions.NotNull(late, nameof(late));
        Preconditions.NotNull(terms, nameof(terms));
        var range = WideRange(late.ServiceMonth, terms);
        var before = StandbyLines(late.ServiceMonth, late.Before.Resolve(range, terms.Standby), terms).ToDictionary(l => (l.Category, l.Start));
        var lines = new List<StandbyLine>();
        foreach (var after in StandbyLines(late.ServiceMonth, late.After.Resolve(range, terms.Standby), terms))
        {
            var earlier = before.Remove((after.Category, after.Start), out var b) ? b : null;
            var line = Difference(after, earlier);
            if (line.BilledMinutes != 0 || line.Amount != 0m)
            {
                lines.Add(line);
            }
        }

        // A window agreed before but no longer: only when a period was withdrawn; credited as a negative late line.
        lines.AddRange(before.Values.Select(b => b.Negated() with { Late = true }).Cast<StandbyLine>());
        return lines;
    }

    private static StandbyLine Difference(StandbyLine after, StandbyLine? before) =>
        new(
            after.Category,
            after.Start,
            after.End,
            after.LocalStart,
            after.LocalEnd,
            after.AgreedMinutes - (before?.AgreedMinutes ?? 0),
            after.BilledMinutes - (before?.BilledMinutes ?? 0),
            after.RatePercent,
            after.HourlyRate,
            after.Amount - (before?.Amount ?? 0m))
        {
            Late = true,
        };

    /// <summary>Wide enough for every window that starts in the month (they end at most a day later) and its callouts.</summary>
    private static Interval WideRange(YearMonth month, ContractTerms terms)
    {
        var first = month.OnDayOfMonth(1);
        return new Interval(
            LocalTimePolicy.ToInstant(first.PlusDays(-2).AtMidnight(), terms.Zone),
            LocalTimePolicy.ToInstant(first.PlusMonths(1).PlusDays(3).AtMidnight(), terms.Zone));
    }

    private static IEnumerable<StandbyLine> StandbyLines(YearMonth month, IReadOnlyList<Interval> agreed, ContractTerms terms)
    {
        var card = terms.RateCard;
        var first = month.OnDayOfMonth(1);
        foreach (var window in StandbyWindows.Cut(agreed, first, first.PlusMonths(1), terms))
        {
            yield return new StandbyLine(
                window.Category,
                window.Start,
                window.End,
                window.LocalStart,
                window.LocalEnd,
                window.AgreedMinutes,
                window.BilledMinutes,
                window.RatePercent,
                card.HourlyRate,
                Money.LineAmount(window.BilledMinutes, card.HourlyRate, window.RatePercent));
        }
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
