using NodaTime;

namespace StandbyOps.Core.Standby;

/// <summary>Normalizes intervals into a sorted union of disjoint, non-touching intervals on the minute grid, so overlaps count once.</summary>
public static class IntervalUnion
{
    public static IReadOnlyList<Interval> Of(IEnumerable<Interval> intervals)
    {
        var floored = new List<Interval>();
        foreach (var interval in Preconditions.NotNull(intervals, nameof(intervals)))
        {
            RequireBounded(interval, nameof(intervals));
            var start = MinuteGrid.Floor(interval.Start);
            var end = MinuteGrid.Floor(interval.End);
            if (end > start)
            {
                floored.Add(new Interval(start, end));
            }
        }

        floored.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var union = new List<Interval>(floored.Count);
        foreach (var next in floored)
        {
            if (union.Count > 0 && next.Start <= union[^1].End)
            {
                var last = union[^1];
                union[^1] = new Interval(last.Start, Instant.Max(last.End, next.End));
            }
            else
            {
                union.Add(next);
            }
        }

        return union;
    }

    /// <summary>Whether <paramref name="instant"/> lies inside a union built by <see cref="Of"/>.</summary>
    public static bool Contains(IReadOnlyList<Interval> union, Instant instant)
    {
        int low = 0, high = union.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var interval = union[middle];
            if (instant < interval.Start)
            {
                high = middle - 1;
            }
            else if (instant >= interval.End)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    public static Interval? Clip(Interval interval, Interval range)
    {
        var start = Instant.Max(interval.Start, range.Start);
        var end = Instant.Min(interval.End, range.End);
        return end > start ? new Interval(start, end) : null;
    }

    public static void RequireBounded(Interval interval, string name) =>
        Preconditions.Require(
            interval.HasStart && interval.HasEnd,
            name,
            $"Interval {interval} must have a start and an end.");
}
