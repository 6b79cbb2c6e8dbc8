using NodaTime;

namespace StandbyOps.Core.Holidays;

/// <summary>Small ready-made <see cref="IHolidayCalendar"/>s: none, a fixed date set, or any predicate.</summary>
public static class HolidayCalendar
{
    /// <summary>A calendar without holidays.</summary>
    public static IHolidayCalendar None { get; } = new PredicateCalendar(static _ => false);

    /// <summary>A calendar whose holidays are exactly <paramref name="dates"/>.</summary>
    public static IHolidayCalendar Of(IEnumerable<LocalDate> dates)
    {
        var set = Preconditions.NotNull(dates, nameof(dates)).ToHashSet();
        return new PredicateCalendar(set.Contains);
    }

    /// <summary>A calendar that asks <paramref name="isHoliday"/>, e.g. a method group of the real business calendar.</summary>
    public static IHolidayCalendar Of(Func<LocalDate, bool> isHoliday) =>
        new PredicateCalendar(Preconditions.NotNull(isHoliday, nameof(isHoliday)));

    private sealed class PredicateCalendar(Func<LocalDate, bool> isHoliday) : IHolidayCalendar
    {
        public bool IsHoliday(LocalDate date) => isHoliday(date);
    }
}
