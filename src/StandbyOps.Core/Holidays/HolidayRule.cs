using NodaTime;

namespace StandbyOps.Core.Holidays;

/// <summary>Adds the holidays a rule yields in one year (dates may spill into a neighbouring year).</summary>
internal delegate void HolidayRule(int year, List<Holiday> into);

/// <summary>The building blocks the built-in holiday sets are written in.</summary>
internal static class HolidayRules
{
    public static HolidayRule Fixed(int month, int day, string name, Func<int, bool>? inYear = null)
        => (year, into) =>
        {
            if (inYear is null || inYear(year))
            {
                into.Add(new Holiday(new LocalDate(year, month, day), name));
            }
        };

    /// <summary>A fixed date that moves to the Saturday before when it falls on a Sunday (Dutch King's Day).</summary>
    public static HolidayRule FixedSundayToSaturday(int month, int day, string name, int fromYear, int toYear)
        => (year, into) =>
        {
            if (year < fromYear || year > toYear)
            {
                return;
            }

            var date = new LocalDate(year, month, day);
            into.Add(new Holiday(date.DayOfWeek == IsoDayOfWeek.Sunday ? date.PlusDays(-1) : date, name));
        };

    public static HolidayRule FromEaster(int daysAfterEasterSunday, string name)
        => (year, into) => into.Add(new Holiday(Easter.Sunday(year).PlusDays(daysAfterEasterSunday), name));

    /// <summary>The <paramref name="occurrence"/>-th weekday of a month (1 = first).</summary>
    public static HolidayRule NthWeekday(int month, IsoDayOfWeek weekday, int occurrence, string name)
        => (year, into) =>
        {
            var first = new LocalDate(year, month, 1);
            var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
            into.Add(new Holiday(first.PlusDays(offset + (7 * (occurrence - 1))), name));
        };

    public static HolidayRule LastWeekday(int month, IsoDayOfWeek weekday, string name)
        => (year, into) =>
        {
            var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
            var back = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
            into.Add(new Holiday(last.PlusDays(-back), name));
        };

    /// <summary>
    /// US federal observance (5 U.S.C. 6103): a holiday on a Saturday is observed on the Friday before,
    /// one on a Sunday on the Monday after. The actual date stays a holiday too.
    /// </summary>
    public static HolidayRule ObservedUs(HolidayRule rule)
        => (year, into) =>
        {
            var firstAdded = into.Count;
            rule(year, into);
            var lastAdded = into.Count;
            for (var i = firstAdded; i < lastAdded; i++)
            {
                var holiday = into[i];
                var observed = holiday.Date.DayOfWeek switch
                {
                    IsoDayOfWeek.Saturday => holiday.Date.PlusDays(-1),
                    IsoDayOfWeek.Sunday => holiday.Date.PlusDays(1),
                    _ => (LocalDate?)null,
                };
                if (observed is { } date)
                {
                    into.Add(new Holiday(date, holiday.Name + " (observed)"));
                }
            }
        };
}
