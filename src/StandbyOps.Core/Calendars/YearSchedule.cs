using NodaTime;
using StandbyOps.Core.Time;

namespace StandbyOps.Core.Calendars;

/// <summary>
/// A calendar's open intervals for the local dates of one year, as nanoseconds after the year's first
/// instant, with running totals of business time. Sorted, disjoint, non-empty and merged when touching,
/// so every query is a binary search and plain arithmetic.
/// </summary>
internal sealed class YearSchedule
{
    private YearSchedule(int year, Instant start, Instant end, long[] starts, long[] ends)
    {
        Year = year;
        Start = start;
        End = end;
        Starts = starts;
        Ends = ends;
        Count = starts.Length;
        CumStart = new long[Count];
        CumEnd = new long[Count];
        long total = 0;
        for (var i = 0; i < Count; i++)
        {
            CumStart[i] = total;
            total += ends[i] - starts[i];
            CumEnd[i] = total;
        }

        Total = total;
    }

    public int Year { get; }

    /// <summary>The first instant of 1 January (local).</summary>
    public Instant Start { get; }

    /// <summary>The first instant of the next 1 January (local), exclusive.</summary>
    public Instant End { get; }

    public int Count { get; }

    public long[] Starts { get; }

    public long[] Ends { get; }

    /// <summary>Business time before interval i starts.</summary>
    public long[] CumStart { get; }

    /// <summary>Business time when interval i ends.</summary>
    public long[] CumEnd { get; }

    public long Total { get; }

    public static YearSchedule Build(int year, DateTimeZone zone, WeeklyOpeningHours hours, Func<LocalDate, bool> isClosed)
    {
        var firstDay = new LocalDate(year, 1, 1);
        var nextYear = firstDay.PlusYears(1);
        var start = LocalTimePolicy.StartOfDay(firstDay, zone);
        var end = LocalTimePolicy.StartOfDay(nextYear, zone);
        var starts = new List<long>(400);
        var ends = new List<long>(400);
        for (var date = firstDay; date < nextYear; date = date.PlusDays(1))
        {
            if (isClosed(date))
            {
                continue;
            }

            foreach (var range in hours.For(date.DayOfWeek))
            {
                var from = Offset(LocalTimePolicy.ToInstant(date, range.From, zone));
                var to = Offset(range.EndsAtMidnight
                    ? LocalTimePolicy.StartOfDay(date.PlusDays(1), zone)
                    : LocalTimePolicy.ToInstant(date, range.To, zone));
                Add(from, to);
            }
        }

        return new YearSchedule(year, start, end, [.. starts], [.. ends]);

        long Offset(Instant instant) => (instant - start).ToInt64Nanoseconds();

        void Add(long from, long to)
        {
            var last = ends.Count - 1;
            if (last >= 0)
            {
                // A range wholly inside a DST gap is shifted forward onto later ones; never let it overlap them.
                from = Math.Max(from, ends[last]);
                if (to <= from)
                {
                    return;
                }

                if (from == ends[last])
                {
                    ends[last] = to;
                    return;
                }
            }
            else if (to <= from)
            {
                return;
            }

            starts.Add(from);
            ends.Add(to);
        }
    }

    /// <summary>Nanoseconds from the year's start; callers ensure the instant lies in [Start, End].</summary>
    public long PositionOf(Instant instant) => (instant - Start).ToInt64Nanoseconds();

    public Instant InstantAt(long position) => Start + Duration.FromNanoseconds(position);

    /// <summary>The index of the first interval that ends after <paramref name="position"/>, or <see cref="Count"/>.</summary>
    public int FirstEndingAfter(long position)
    {
        var lo = 0;
        var hi = Count;
        var ends = Ends;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ends[mid] > position)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>The index of the first interval at or after <paramref name="from"/> whose running total reaches <paramref name="target"/>.</summary>
    public int FirstReaching(long target, int from)
    {
        var cumEnd = CumEnd;

        // The answer is usually within a few intervals (hours and days, not months): probe before bisecting.
        var probeEnd = Math.Min(from + 4, Count);
        for (var i = from; i < probeEnd; i++)
        {
            if (cumEnd[i] >= target)
            {
                return i;
            }
        }

        var lo = probeEnd;
        var hi = Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumEnd[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Business time from the year's start up to <paramref name="position"/>.</summary>
    public long BusinessBefore(long position)
    {
        var i = FirstEndingAfter(position);
        return i == Count ? Total : CumStart[i] + Math.Max(0, position - Starts[i]);
    }
}
