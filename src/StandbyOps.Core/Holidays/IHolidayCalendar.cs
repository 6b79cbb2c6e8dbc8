using NodaTime;

namespace StandbyOps.Core.Holidays;

/// <summary>The holiday set billing needs from a contract's business calendar; the host adapts the real calendar to it.</summary>
public interface IHolidayCalendar
{
    /// <summary>Whether <paramref name="date"/> (a local date in the contract's zone) is a holiday.</summary>
    bool IsHoliday(LocalDate date);
}
