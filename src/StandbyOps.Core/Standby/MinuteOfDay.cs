using NodaTime;

namespace StandbyOps.Core.Standby;

/// <summary>Local times as minutes after midnight, which is how the category ranges are compared.</summary>
public static class MinuteOfDay
{
    public const int PerDay = 24 * 60;

    public static int Of(LocalTime time) => (time.Hour * 60) + time.Minute;

    public static LocalDateTime At(LocalDate date, int minute) =>
        date.PlusDays(minute / PerDay).AtMidnight().PlusMinutes(minute % PerDay);
}
