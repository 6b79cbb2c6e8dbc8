using NodaTime;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Configuration.Calendars;

/// <summary>
/// A business calendar: zone, opening ranges per weekday (every weekday is present; an empty list
/// means closed all day; ranges are sorted and never overlap), the built-in holiday sets it observes
/// (<see cref="KnownHolidaySets"/>), extra closed dates, built-in holidays it does not observe, and its own holiday
/// rules (<c>rules:</c>; none when null).
/// </summary>
public sealed record CalendarConfig(
    string Id,
    DateTimeZone Zone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeRange>> Hours,
    IReadOnlyList<string> HolidaySets,
    IReadOnlyList<LocalDate> Extra,
    IReadOnlyList<LocalDate> Except,
    IReadOnlyList<OwnHolidayRule>? Rules = null);
