using NodaTime;

namespace StandbyOps.Core.Standby;

/// <summary>The weekend daytime of a contract (its rate card's <c>weekend</c> range), e.g. Saturday and Sunday 08:30–18:00.</summary>
/// <remarks><see cref="To"/> = 00:00 means the end of the day (24:00); otherwise <see cref="To"/> must be after <see cref="From"/>.</remarks>
public sealed record WeekendHours
{
    /// <summary>Creates the weekend range; times must be whole minutes.</summary>
    public WeekendHours(IEnumerable<IsoDayOfWeek> days, LocalTime from, LocalTime to)
    {
        Days = Preconditions.NotNull(days, nameof(days)).ToHashSet();
        Preconditions.Require(!Days.Contains(IsoDayOfWeek.None), nameof(days), "Weekend days must be real weekdays.");
        From = Preconditions.WholeMinute(from, nameof(from));
        To = Preconditions.WholeMinute(to, nameof(to));
        Preconditions.Require(
            To == LocalTime.Midnight || To > From,
            nameof(to),
            $"The weekend range {From:HH:mm}-{To:HH:mm} must end after it starts (00:00 as end means 24:00).");
    }

    /// <summary>The days that have a weekend window, unless they are holidays.</summary>
    public IReadOnlySet<IsoDayOfWeek> Days { get; }

    /// <summary>Local start of the daytime range.</summary>
    public LocalTime From { get; }

    /// <summary>Local end of the daytime range; 00:00 means midnight at the end of the day.</summary>
    public LocalTime To { get; }

    /// <summary>Start in minutes after midnight.</summary>
    public int FromMinute => MinuteOfDay.Of(From);

    /// <summary>End in minutes after midnight (1440 for 24:00).</summary>
    public int ToMinute => To == LocalTime.Midnight ? MinuteOfDay.PerDay : MinuteOfDay.Of(To);

    /// <summary>
    /// The one rule of how weekend daytime and nights fit together (rate cards, and <c>check-config</c> before them): weekend
    /// daytime beats night where they overlap, so it may only overlap the start or the end of a night. A weekend range
    /// strictly inside a night would cut that night in two. Answers why <paramref name="night"/> does not fit, or null.
    /// </summary>
    public static string? SplitProblem(IReadOnlyCollection<IsoDayOfWeek> days, LocalTime from, LocalTime to, LocalTime nightFrom, LocalTime nightTo)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0 || nightFrom == nightTo)
        {
            return null;
        }

        var weekendFrom = MinuteOfDay.Of(from);
        var weekendTo = to == LocalTime.Midnight ? MinuteOfDay.PerDay : MinuteOfDay.Of(to);
        var nightStart = MinuteOfDay.Of(nightFrom);
        var nightEnd = nightTo < nightFrom ? MinuteOfDay.PerDay + MinuteOfDay.Of(nightTo) : MinuteOfDay.Of(nightTo);

        // A night lives on its own date and, when overnight, the next one: check the weekend range on both.
        for (var day = 0; day <= 1; day++)
        {
            if (nightStart < weekendFrom + (day * MinuteOfDay.PerDay) && weekendTo + (day * MinuteOfDay.PerDay) < nightEnd)
            {
                return $"the weekend range {from:HH:mm}-{to:HH:mm} lies inside the night {nightFrom:HH:mm}-{nightTo:HH:mm} "
                    + "and would cut it in two; weekend daytime may only overlap the start or the end of a night";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="date"/> is one of the weekend days.</summary>
    public bool IsWeekendDay(LocalDate date) => Days.Contains(date.DayOfWeek);

    /// <summary>The local start and end of the weekend range on <paramref name="date"/>.</summary>
    public (LocalDateTime Start, LocalDateTime End) On(LocalDate date) => (MinuteOfDay.At(date, FromMinute), MinuteOfDay.At(date, ToMinute));

    /// <summary>Throws <see cref="ArgumentException"/> when this range lies inside a night of <paramref name="night"/> (<see cref="SplitProblem"/>).</summary>
    public void RequireFits(NightHours night)
    {
        ArgumentNullException.ThrowIfNull(night);
        if (SplitProblem([.. Days], From, To, night.From, night.To) is { } problem)
        {
            throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".", "weekend");
        }
    }
}
