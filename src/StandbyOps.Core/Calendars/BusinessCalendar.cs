using System.Collections.ObjectModel;
using NodaTime;
using StandbyOps.Core.Holidays;
using StandbyOps.Core.Time;

namespace StandbyOps.Core.Calendars;

/// <summary>
/// A business calendar: a zone, opening ranges per weekday (local times), holiday sets, extra closed
/// dates and built-in holidays it does not observe. Answers "is it open", "when does it open next" and
/// walks business time forward, correctly across DST changes (local ranges resolved per date with
/// <see cref="LocalTimePolicy"/>, so a range partly in a spring gap is shorter) and holidays.
/// Instants from year 2 to 9998 are supported. Thread-safe; per-year schedules are cached.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>The name extra closed dates carry in <see cref="HolidaysIn"/>.</summary>
    public const string ExtraClosedDateName = "Closed";

    private const int MaxEmptyYears = 20;

    private readonly HolidayRuleSet[] _holidaySets;
    private readonly HashSet<LocalDate> _extra;
    private readonly HashSet<LocalDate> _except;
    private readonly YearCache<YearSchedule> _years;
    private YearSchedule? _lastYear;

    public BusinessCalendar(
        DateTimeZone zone,
        WeeklyOpeningHours hours,
        IEnumerable<HolidayRuleSet>? holidaySets = null,
        IEnumerable<LocalDate>? extraClosedDates = null,
        IEnumerable<LocalDate>? exceptedHolidays = null)
    {
        Zone = Preconditions.NotNull(zone, nameof(zone));
        Hours = Preconditions.NotNull(hours, nameof(hours));
        _holidaySets = holidaySets?.Distinct().ToArray() ?? [];
        _extra = [.. extraClosedDates ?? []];
        _except = [.. exceptedHolidays ?? []];
        Preconditions.Require(Array.TrueForAll(_holidaySets, s => s is not null), nameof(holidaySets), "Holiday sets must not contain null.");
        _years = new YearCache<YearSchedule>(year => YearSchedule.Build(year, Zone, Hours, IsHoliday));
    }

    public DateTimeZone Zone { get; }

    public WeeklyOpeningHours Hours { get; }

    public IReadOnlyList<HolidayRuleSet> HolidaySets => _holidaySets;

    /// <summary>More closed dates; they count as holidays of this calendar.</summary>
    public IReadOnlySet<LocalDate> ExtraClosedDates => _extra;

    /// <summary>Built-in holidays this calendar does not observe (they are ordinary days here).</summary>
    public IReadOnlySet<LocalDate> ExceptedHolidays => _except;

    /// <summary>One business day: <see cref="WeeklyOpeningHours.RegularDayLength"/>, e.g. 8.5 h for 08:30–17:00.</summary>
    public Duration BusinessDayLength => Hours.RegularDayLength;

    /// <summary>A calendar open Monday to Friday in one range, e.g. 08:30–17:00, with the given holiday sets.</summary>
    public static BusinessCalendar MondayToFriday(DateTimeZone zone, LocalTime from, LocalTime to, params HolidayRuleSet[] holidaySets)
        => new(zone, WeeklyOpeningHours.MondayToFriday(new OpeningRange(from, to)), holidaySets);

    /// <summary>True on a holiday of one of the sets (unless excepted) and on an extra closed date.</summary>
    public bool IsHoliday(LocalDate date)
    {
        if (_extra.Contains(date))
        {
            return true;
        }

        foreach (var set in _holidaySets)
        {
            if (set.IsHoliday(date))
            {
                return !_except.Contains(date);
            }
        }

        return false;
    }

    /// <summary>The calendar's closed days in a year: observed holidays plus extra dates (named <see cref="ExtraClosedDateName"/>).</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year)
    {
        var result = new List<Holiday>();
        foreach (var set in _holidaySets)
        {
            result.AddRange(set.HolidaysIn(year).Where(h => !_except.Contains(h.Date)));
        }

        result.AddRange(_extra.Where(d => d.Year == year).Select(d => new Holiday(d, ExtraClosedDateName)));
        return new ReadOnlyCollection<Holiday>(
            result.Distinct().OrderBy(h => h.Date).ThenBy(h => h.Name, StringComparer.Ordinal).ToList());
    }

    public bool IsOpen(Instant t)
    {
        var year = ScheduleFor(t);
        var position = year.PositionOf(t);
        var i = year.FirstEndingAfter(position);
        return i < year.Count && year.Starts[i] <= position;
    }

    /// <summary><paramref name="t"/> itself when open, otherwise the start of the next open interval; idempotent.</summary>
    public Instant NextOpening(Instant t)
    {
        var year = ScheduleFor(t);
        var position = year.PositionOf(t);
        var i = year.FirstEndingAfter(position);
        if (i < year.Count)
        {
            return year.Starts[i] <= position ? t : year.InstantAt(year.Starts[i]);
        }

        for (var empty = 0; ; empty++)
        {
            year = NextYear(year, empty);
            if (year.Count > 0)
            {
                return year.InstantAt(year.Starts[0]);
            }
        }
    }

    /// <summary>
    /// Walks <paramref name="duration"/> of business time forward from <paramref name="t"/> (the clock starts at
    /// the next opening when closed). A result exactly at a closing time stays there rather than moving to the
    /// next opening: Fri 15:00 + 4 h with 08:30–17:00 → Mon 10:30, Fri 13:00 + 4 h → Fri 17:00.
    /// Zero from a closed instant gives the next opening.
    /// </summary>
    public Instant AddBusinessTime(Instant t, Duration duration)
    {
        Preconditions.CheckRange(duration >= Duration.Zero, nameof(duration), duration, "Business time to add must not be negative.");
        var remaining = duration.ToInt64Nanoseconds();
        var year = ScheduleFor(t);
        var position = year.PositionOf(t);
        var i = year.FirstEndingAfter(position);
        for (var empty = 0; ; empty++)
        {
            if (i < year.Count)
            {
                var before = year.CumStart[i] + Math.Max(0, position - year.Starts[i]);
                var left = year.Total - before;
                if (remaining <= left)
                {
                    var target = before + remaining;
                    var k = year.FirstReaching(target, i);
                    return year.InstantAt(year.Starts[k] + (target - year.CumStart[k]));
                }

                remaining -= left;
                empty = 0;
            }

            year = NextYear(year, empty);
            position = 0;
            i = 0;
        }
    }

    /// <summary>Adds <paramref name="days"/> × <see cref="BusinessDayLength"/> of business time (rounded to the nanosecond).</summary>
    public Instant AddBusinessDays(Instant t, decimal days)
    {
        Preconditions.CheckRange(days >= 0, nameof(days), days, "Business days to add must not be negative.");
        var nanoseconds = Math.Round(days * BusinessDayLength.ToInt64Nanoseconds(), MidpointRounding.AwayFromZero);
        return AddBusinessTime(t, Duration.FromNanoseconds((long)nanoseconds));
    }

    /// <summary>The business time in [<paramref name="from"/>, <paramref name="to"/>); negative when <paramref name="to"/> is earlier.</summary>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        var first = ScheduleFor(from);
        var last = ScheduleFor(to);
        var fromBefore = first.BusinessBefore(first.PositionOf(from));
        var toBefore = last.BusinessBefore(last.PositionOf(to));
        if (first.Year == last.Year)
        {
            return Duration.FromNanoseconds(toBefore - fromBefore);
        }

        var total = first.Total - fromBefore + toBefore;
        for (var year = first.Year + 1; year < last.Year; year++)
        {
            total += _years.Get(year).Total;
        }

        return Duration.FromNanoseconds(total);
    }

    /// <summary>The open intervals overlapping [<paramref name="from"/>, <paramref name="to"/>), clipped to it; touching intervals are merged.</summary>
    public IEnumerable<Interval> OpenIntervals(Instant from, Instant to)
    {
        Preconditions.Require(from <= to, nameof(to), $"The end {to} must not be before the start {from}.");
        return from == to ? [] : Iterate();

        IEnumerable<Interval> Iterate()
        {
            var year = ScheduleFor(from);
            var i = year.FirstEndingAfter(year.PositionOf(from));
            Instant? pendingStart = null;
            var pendingEnd = from;
            while (year.Start < to)
            {
                for (; i < year.Count; i++)
                {
                    var start = year.InstantAt(year.Starts[i]);
                    if (start >= to)
                    {
                        break;
                    }

                    var end = year.InstantAt(year.Ends[i]);
                    if (pendingStart.HasValue && start == pendingEnd)
                    {
                        pendingEnd = end;
                        continue;
                    }

                    if (pendingStart is { } done)
                    {
                        yield return new Interval(done, pendingEnd);
                    }

                    pendingStart = start < from ? from : start;
                    pendingEnd = end;
                }

                year = _years.Get(year.Year + 1);
                i = 0;
            }

            if (pendingStart is { } last)
            {
                yield return new Interval(last, pendingEnd < to ? pendingEnd : to);
            }
        }
    }

    private YearSchedule ScheduleFor(Instant t)
    {
        var last = _lastYear;
        if (last is not null && t >= last.Start && t < last.End)
        {
            return last;
        }

        // Estimate the year arithmetically (cheaper than a calendar conversion), then settle it on the local year bounds.
        var days = Math.Floor(t.ToUnixTimeTicks() / (double)NodaConstants.TicksPerDay);
        var estimate = 1970 + (int)Math.Floor(days * 400 / 146097);
        Preconditions.CheckRange(estimate is >= 2 and <= 9998, nameof(t), t, "Business calendars support instants from year 2 to 9998.");
        var year = _years.Get(estimate);
        while (t < year.Start)
        {
            year = _years.Get(year.Year - 1);
        }

        while (t >= year.End)
        {
            year = _years.Get(year.Year + 1);
        }

        _lastYear = year;
        return year;
    }

    private YearSchedule NextYear(YearSchedule year, int emptyYearsSoFar)
    {
        // Only a calendar whose every opening day is an extra closed date can get here repeatedly.
        if (emptyYearsSoFar >= MaxEmptyYears)
        {
            throw new InvalidOperationException($"The calendar has no opening in the {MaxEmptyYears} years after {year.Year - MaxEmptyYears}.");
        }

        return _years.Get(year.Year + 1);
    }
}
