using NodaTime;
using StandbyOps.Core.Time;

namespace StandbyOps.Core.Standby;

/// <summary>
/// Reads a <see cref="StandbyCoverage"/> through a contract: nights and weekends are the rate card's ranges, holidays the
/// calendar's, all in the contract's zone (the same ranges billing cuts its category windows from).
/// </summary>
public static class StandbyCoverageExpansion
{
    /// <summary>The covered time inside <paramref name="range"/>, as a sorted union of disjoint intervals on the minute grid.</summary>
    public static IReadOnlyList<Interval> Expand(this StandbyCoverage coverage, Interval range, StandbyTerms terms)
    {
        Preconditions.NotNull(coverage, nameof(coverage));
        IntervalUnion.RequireBounded(range, nameof(range));
        Preconditions.NotNull(terms, nameof(terms));
        if (coverage.IsEmpty)
        {
            return [];
        }

        var first = range.Start.InZone(terms.Zone).Date.PlusDays(-1);
        var last = range.End.InZone(terms.Zone).Date.PlusDays(1);
        var covered = new List<Interval>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (coverage.Holidays && terms.Holidays.IsHoliday(date))
            {
                AddClipped(covered, terms, range, date.AtMidnight(), date.PlusDays(1).AtMidnight());
            }

            if (coverage.Weekends && terms.Weekend.IsWeekendDay(date))
            {
                var (start, end) = terms.Weekend.On(date);
                AddClipped(covered, terms, range, start, end);
            }

            if (coverage.Nights)
            {
                var (start, end) = terms.Night.On(date);
                AddClipped(covered, terms, range, start, end);
            }
        }

        return IntervalUnion.Of(covered);
    }

    private static void AddClipped(List<Interval> covered, StandbyTerms terms, Interval range, LocalDateTime localStart, LocalDateTime localEnd)
    {
        var start = LocalTimePolicy.ToInstant(localStart, terms.Zone);
        var end = LocalTimePolicy.ToInstant(localEnd, terms.Zone);
        if (end > start && IntervalUnion.Clip(new Interval(start, end), range) is { } clipped)
        {
            covered.Add(clipped);
        }
    }
}
