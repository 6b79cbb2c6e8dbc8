using NodaTime;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Billing.Tests.Support;

/// <summary>A tiny NL holiday table for 2026 and New Year 2027, standing in for the real calendar.</summary>
internal sealed class NlHolidays2026 : IHolidayCalendar
{
    public static readonly NlHolidays2026 Instance = new();

    private static readonly HashSet<LocalDate> Dates =
    [
        new(2026, 1, 1),
        new(2026, 4, 5),   // Easter Sunday
        new(2026, 4, 6),   // Easter Monday
        new(2026, 4, 27),  // King's Day (a Monday)
        new(2026, 5, 14),  // Ascension
        new(2026, 5, 24),  // Whit Sunday
        new(2026, 5, 25),  // Whit Monday
        new(2026, 12, 25),
        new(2026, 12, 26),
        new(2027, 1, 1),
    ];

    public bool IsHoliday(LocalDate date) => Dates.Contains(date);
}
