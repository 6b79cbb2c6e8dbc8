using NodaTime;

namespace StandbyOps.Core.Standby;

/// <summary>
/// All agreed standby of one customer: recurring coverage plus one-off periods; overlaps count once. The one definition of
/// "inside agreed standby": billing counts it, paging and the SLA clock ask <see cref="Contains"/>, the API and UI show it.
/// </summary>
public sealed record AgreedStandby
{
    /// <summary>Creates the agreement.</summary>
    public AgreedStandby(StandbyCoverage coverage, IEnumerable<StandbyPeriod>? oneOffPeriods = null)
    {
        Coverage = Preconditions.NotNull(coverage, nameof(coverage));
        OneOffPeriods = [.. oneOffPeriods ?? []];
        Preconditions.Require(OneOffPeriods.All(p => p is not null), nameof(oneOffPeriods), "One-off periods must not contain null.");
    }

    /// <summary>No standby at all.</summary>
    public static AgreedStandby None { get; } = new(StandbyCoverage.None);

    /// <summary>Recurring coverage.</summary>
    public StandbyCoverage Coverage { get; }

    /// <summary>One-off periods agreed through the API or UI.</summary>
    public IReadOnlyList<StandbyPeriod> OneOffPeriods { get; }

    /// <summary>Agreed standby inside <paramref name="range"/> as a sorted union of disjoint intervals on the minute grid.</summary>
    public IReadOnlyList<Interval> Resolve(Interval range, StandbyTerms terms)
    {
        var intervals = new List<Interval>(Coverage.Expand(range, terms));
        foreach (var period in OneOffPeriods)
        {
            if (IntervalUnion.Clip(period.Interval, range) is { } clipped)
            {
                intervals.Add(clipped);
            }
        }

        return IntervalUnion.Of(intervals);
    }

    /// <summary>Whether the customer is inside agreed standby at <paramref name="instant"/> (paging and SLA ask this).</summary>
    /// <remarks>Measured on the minute grid like billing, so it agrees with what an invoice would count.</remarks>
    public bool Contains(Instant instant, StandbyTerms terms)
    {
        var minute = MinuteGrid.Floor(instant);
        var probe = new Interval(minute, minute + Duration.FromMinutes(1));
        return Resolve(probe, terms).Count > 0;
    }
}
