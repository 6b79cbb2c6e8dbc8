using NodaTime;

namespace StandbyOps.Configuration.Calendars;

/// <summary>
/// A business calendar: zone, opening ranges per weekday (every weekday is present; an empty list
/// means closed all day; ranges are sorted and never overlap), the built-in holiday sets it observes
/// (<see cref="KnownHolidaySets"/>), extra closed dates and built-in holidays it does not observe.
/// </summary>
public sealed record CalendarConfig(
    string Id,
    DateTimeZone Zone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<TimeRange>> Hours,
    IReadOnlyList<string> HolidaySets,
    IReadOnlyList<LocalDate> Extra,
    IReadOnlyList<LocalDate> Except);
