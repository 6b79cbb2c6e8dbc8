using NodaTime;

namespace StandbyOps.Billing.Standby;

/// <summary>Cuts agreed standby into category windows and applies each window's minimum.</summary>
/// <remarks>
/// Agreed standby is first normalized into a union (overlaps count once, instants truncated to the minute).
/// A window counts when agreed standby overlaps it by at least a minute; merely touching its edge does not.
/// Office time has no window and is not billed as standby.
/// </remarks>
public static class StandbyWindows
{
    /// <summary>All windows touched by <paramref name="agreed"/>, in order.</summary>
    public static IReadOnlyList<StandbyWindow> Cut(IEnumerable<Interval> agreed, ContractTerms terms)
    {
        Preconditions.NotNull(terms, nameof(terms));
        var union = IntervalUnion.Of(agreed);
        if (union.Count == 0)
        {
            return [];
        }

        var from = union[0].Start.InZone(terms.Zone).Date.PlusDays(-1);
        var toExclusive = union[^1].End.InZone(terms.Zone).Date.PlusDays(1);
        return CutUnion(union, CategoryWindows.Between(from, toExclusive, terms), terms);
    }

    /// <summary>The windows touched by <paramref name="agreed"/> that start on a local date in [<paramref name="from"/>, <paramref name="toExclusive"/>).</summary>
    /// <remarks>A window keeps all its agreed minutes, also those after <paramref name="toExclusive"/>.</remarks>
    public static IReadOnlyList<StandbyWindow> Cut(IEnumerable<Interval> agreed, LocalDate from, LocalDate toExclusive, ContractTerms terms)
    {
        Preconditions.NotNull(terms, nameof(terms));
        var union = IntervalUnion.Of(agreed);
        return union.Count == 0 ? [] : CutUnion(union, CategoryWindows.Between(from, toExclusive, terms), terms);
    }

    private static List<StandbyWindow> CutUnion(IReadOnlyList<Interval> union, IReadOnlyList<CategoryWindow> windows, ContractTerms terms)
    {
        var result = new List<StandbyWindow>();
        var first = 0;
        foreach (var window in windows)
        {
            while (first < union.Count && union[first].End <= window.Start)
            {
                first++;
            }

            long agreedMinutes = 0;
            for (var i = first; i < union.Count && union[i].Start < window.End; i++)
            {
                var start = Instant.Max(union[i].Start, window.Start);
                var end = Instant.Min(union[i].End, window.End);
                agreedMinutes += MinuteGrid.Minutes(start, end);
            }

            if (agreedMinutes > 0)
            {
                var rate = terms.RateCard.RateOf(window.Category);
                result.Add(new StandbyWindow(window, agreedMinutes, Math.Max(agreedMinutes, rate.MinimumMinutes), rate.Percent));
            }
        }

        return result;
    }
}
