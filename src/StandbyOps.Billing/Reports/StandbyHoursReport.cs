using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Reports;

/// <summary>Payroll's per-engineer standby-hours report: hours per category per month, with holidays and DST handled.</summary>
/// <remarks>
/// Each engineer's shifts are merged (overlapping shifts count once) and cut into the same category windows as
/// invoices, so a night belongs to the month in which it starts. Hours are actual elapsed hours on standby:
/// no minimums apply and office time is left out. Callout hours are worked minutes of callouts that start in
/// the month. Every engineer that appears in the input gets one row per category, in category order, engineers
/// ordered by id (ordinal).
/// </remarks>
public static class StandbyHoursReport
{
    /// <summary>Computes the report for <paramref name="month"/> in the zone and calendar of <paramref name="terms"/>.</summary>
    public static IReadOnlyList<StandbyHoursRow> Compute(
        YearMonth month,
        IEnumerable<EngineerShift> shifts,
        IEnumerable<Callout> callouts,
        ContractTerms terms)
    {
        Preconditions.NotNull(shifts, nameof(shifts));
        Preconditions.NotNull(callouts, nameof(callouts));
        Preconditions.NotNull(terms, nameof(terms));
        var first = month.OnDayOfMonth(1);
        var next = first.PlusMonths(1);
        var minutes = new SortedDictionary<string, long[]>(StringComparer.Ordinal);

        foreach (var engineer in shifts.GroupBy(s => s.Engineer, StringComparer.Ordinal))
        {
            var totals = Totals(minutes, engineer.Key);
            var intervals = engineer.Select(s => new Interval(s.Start, s.End));
            foreach (var window in StandbyWindows.Cut(intervals, first, next, terms))
            {
                totals[(int)window.Category] += window.AgreedMinutes;
            }
        }

        foreach (var callout in callouts)
        {
            var start = MinuteGrid.Floor(callout.Start);
            var date = start.InZone(terms.Zone).LocalDateTime.Date;
            if (date >= first && date < next)
            {
                Totals(minutes, callout.Engineer)[(int)BillingCategory.Callout] += MinuteGrid.Minutes(start, MinuteGrid.Floor(callout.End));
            }
        }

        return
        [
            .. minutes.SelectMany(entry => Enum.GetValues<BillingCategory>()
                .Select(category => new StandbyHoursRow(entry.Key, month, category, entry.Value[(int)category]))),
        ];
    }

    private static long[] Totals(SortedDictionary<string, long[]> minutes, string engineer)
    {
        if (!minutes.TryGetValue(engineer, out var totals))
        {
            totals = new long[Enum.GetValues<BillingCategory>().Length];
            minutes.Add(engineer, totals);
        }

        return totals;
    }
}
