using NodaTime;
using PublicHoliday;

namespace StandbyOps.Core.Holidays;

/// <summary>Adds the holidays a rule yields in one year (dates may spill into a neighbouring year).</summary>
internal delegate void HolidayRule(int year, List<Holiday> into);

/// <summary>The building blocks the built-in holiday sets are written in: the PublicHoliday library plus own rules where it lacks.</summary>
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

    public static HolidayRule FromEaster(int daysAfterEasterSunday, string name)
        => (year, into) => into.Add(new Holiday(Easter.Sunday(year).PlusDays(daysAfterEasterSunday), name));

    /// <summary>
    /// The holidays the PublicHoliday library computes for <paramref name="calendar"/>, under their English names. A
    /// holiday whose observed day differs (US, UK: moved off a weekend) is a holiday on both days; the observed one is
    /// named "… (observed)". <paramref name="skip"/> leaves out holidays by English name (where the domain's rule differs).
    /// </summary>
    public static HolidayRule FromLibrary(PublicHolidayBase calendar, Func<string, bool>? skip = null)
        => (year, into) =>
        {
            foreach (var holiday in calendar.PublicHolidaysInformation(year))
            {
                var name = holiday.EnglishName;
                if (skip is not null && skip(name))
                {
                    continue;
                }

                var date = LocalDate.FromDateTime(holiday.HolidayDate);
                into.Add(new Holiday(date, name));
                var observed = LocalDate.FromDateTime(holiday.ObservedDate);
                if (observed != date)
                {
                    into.Add(new Holiday(observed, name + " (observed)"));
                }
            }
        };
}
