using NodaTime;

namespace StandbyOps.Core.Standby;

/// <summary>Billing counts whole minutes: instants are truncated to their minute before anything is measured.</summary>
public static class MinuteGrid
{
    public static Instant Floor(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ticks % NodaConstants.TicksPerMinute;
        if (remainder < 0)
        {
            remainder += NodaConstants.TicksPerMinute;
        }

        return Instant.FromUnixTimeTicks(ticks - remainder);
    }

    /// <summary>Whole minutes in a duration whose ends are both on the grid.</summary>
    public static long Minutes(Duration duration) => duration.BclCompatibleTicks / NodaConstants.TicksPerMinute;

    public static long Minutes(Instant start, Instant end) => Minutes(end - start);

    public static decimal Hours(long minutes) => minutes / 60m;
}
