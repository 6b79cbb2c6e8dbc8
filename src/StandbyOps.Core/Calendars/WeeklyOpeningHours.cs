using NodaTime;

namespace StandbyOps.Core.Calendars;

/// <summary>
/// Opening ranges per weekday, sorted and free of overlaps (touching ranges are allowed). At least one
/// weekday has an opening, so walking forward through a calendar always ends.
/// </summary>
public sealed class WeeklyOpeningHours
{
    private static readonly IsoDayOfWeek[] Weekdays =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
    ];

    private static readonly IsoDayOfWeek[] WeekendDays = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private readonly OpeningRange[][] _byDay = new OpeningRange[8][];

    public WeeklyOpeningHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpeningRange>> hours)
    {
        Preconditions.NotNull(hours, nameof(hours));
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            _byDay[(int)day] = [];
        }

        foreach (var (day, ranges) in hours)
        {
            Preconditions.Require(day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday, nameof(hours), $"'{day}' is not a day of the week.");
            Preconditions.NotNull(ranges, nameof(hours));
            var sorted = ranges.Select(r => Preconditions.NotNull(r, nameof(hours))).OrderBy(r => r.From).ToArray();
            for (var i = 1; i < sorted.Length; i++)
            {
                var previous = sorted[i - 1];
                Preconditions.Require(
                    !previous.EndsAtMidnight && sorted[i].From >= previous.To,
                    nameof(hours),
                    $"Opening ranges {previous} and {sorted[i]} on {day} overlap.");
            }

            _byDay[(int)day] = sorted;
        }

        Preconditions.Require(
            _byDay.Any(day => day is { Length: > 0 }),
            nameof(hours),
            "A business calendar needs at least one opening range in the week.");
        RegularDayLength = ComputeRegularDayLength();
    }

    /// <summary>
    /// The length of one business day (DOMAIN.md: "the length of the calendar's regular weekday opening"):
    /// the most common total opening of Monday–Friday, ignoring closed days, the longer one on a tie.
    /// A calendar open only at weekends uses its weekend days instead.
    /// </summary>
    public Duration RegularDayLength { get; }

    public static WeeklyOpeningHours MondayToFriday(params OpeningRange[] ranges)
        => new(Weekdays.ToDictionary(day => day, _ => (IReadOnlyList<OpeningRange>)ranges));

    /// <summary>The same ranges every day of the week.</summary>
    public static WeeklyOpeningHours EveryDay(params OpeningRange[] ranges)
        => new(Weekdays.Concat(WeekendDays).ToDictionary(day => day, _ => (IReadOnlyList<OpeningRange>)ranges));

    /// <summary>The day's ranges, sorted by start.</summary>
    public IReadOnlyList<OpeningRange> For(IsoDayOfWeek day)
    {
        Preconditions.CheckRange(day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday, nameof(day), day, "Not a day of the week.");
        return _byDay[(int)day];
    }

    private Duration ComputeRegularDayLength()
    {
        var weekday = MostCommonLength(Weekdays);
        return weekday != Duration.Zero ? weekday : MostCommonLength(WeekendDays);
    }

    private Duration MostCommonLength(IsoDayOfWeek[] days)
    {
        var lengths = new List<Duration>();
        foreach (var day in days)
        {
            var total = Duration.Zero;
            foreach (var range in _byDay[(int)day])
            {
                total += range.Length;
            }

            if (total != Duration.Zero)
            {
                lengths.Add(total);
            }
        }

        return lengths.Count == 0
            ? Duration.Zero
            : lengths.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
    }
}
