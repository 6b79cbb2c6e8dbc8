using NodaTime;

namespace StandbyOps.Core.Holidays;

/// <summary>
/// A holiday rule a calendar defines itself, beside the built-in sets (<c>rules:</c> in CONFIG.md): a fixed date, a
/// day relative to Easter Sunday, or the n-th weekday of a month plus an offset (Thanksgiving Friday = 4th Thursday
/// of November + 1). Build one with <see cref="Fixed"/>, <see cref="FromEaster"/> or <see cref="NthWeekday"/>.
/// </summary>
public sealed record OwnHolidayRule
{
    private OwnHolidayRule(string name, Func<int, LocalDate?> dateIn)
    {
        Preconditions.Require(!string.IsNullOrWhiteSpace(name), nameof(name), "A holiday needs a name.");
        Name = name;
        DateIn = dateIn;
    }

    /// <summary>The holiday's name, as listed.</summary>
    public string Name { get; }

    /// <summary>The date in a year, or null when the rule yields none that year (29 Feb, a missing 5th weekday).</summary>
    public Func<int, LocalDate?> DateIn { get; }

    /// <summary>Every year on <paramref name="month"/>/<paramref name="day"/> (29 Feb only in leap years).</summary>
    public static OwnHolidayRule Fixed(string name, int month, int day)
    {
        Preconditions.CheckRange(month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(2000, month), nameof(day), $"{month:00}-{day:00}", "Not a day of the year.");
        return new OwnHolidayRule(name, year => day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new LocalDate(year, month, day) : null);
    }

    /// <summary><paramref name="daysAfterEasterSunday"/> days after Easter Sunday (negative: before).</summary>
    public static OwnHolidayRule FromEaster(string name, int daysAfterEasterSunday) =>
        new(name, year => Easter.Sunday(year).PlusDays(daysAfterEasterSunday));

    /// <summary>The <paramref name="occurrence"/>-th (1–5) <paramref name="weekday"/> of <paramref name="month"/>, plus <paramref name="offsetDays"/>.</summary>
    public static OwnHolidayRule NthWeekday(string name, int month, IsoDayOfWeek weekday, int occurrence, int offsetDays = 0)
    {
        Preconditions.CheckRange(month is >= 1 and <= 12, nameof(month), month, "A month is 1 to 12.");
        Preconditions.CheckRange(occurrence is >= 1 and <= 5, nameof(occurrence), occurrence, "The occurrence is 1 to 5.");
        Preconditions.CheckRange(weekday != IsoDayOfWeek.None, nameof(weekday), weekday, "A weekday is needed.");
        return new OwnHolidayRule(name, year =>
        {
            var first = new LocalDate(year, month, 1);
            var date = first.PlusDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (occurrence - 1)));
            return date.Month == month ? date.PlusDays(offsetDays) : null;
        });
    }

    internal HolidayRule ToRule() => (year, into) =>
    {
        if (DateIn(year) is { } date)
        {
            into.Add(new Holiday(date, Name));
        }
    };
}
