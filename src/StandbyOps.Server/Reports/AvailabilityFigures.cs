namespace StandbyOps.Server.Reports;

/// <summary>
/// Time per state of one check, heartbeat or system over a period, in seconds, and
/// <c>availabilityPercent = up / (up + down)</c> (maintenance and unknown left out; null with neither up nor down time).
/// </summary>
public sealed record AvailabilityFigures(long UpSeconds, long DownSeconds, long MaintenanceSeconds, long UnknownSeconds, double? AvailabilityPercent)
{
    /// <summary>Figures from stored milliseconds over a measured span of <paramref name="spanMs"/>; unknown is what is left.</summary>
    public static AvailabilityFigures From(long upMs, long downMs, long maintenanceMs, long spanMs)
    {
        var unknownMs = Math.Max(0, spanMs - upMs - downMs - maintenanceMs);
        double? percent = upMs + downMs == 0 ? null : Math.Round(100.0 * upMs / (upMs + downMs), 3);
        return new AvailabilityFigures(Seconds(upMs), Seconds(downMs), Seconds(maintenanceMs), Seconds(unknownMs), percent);
    }

    private static long Seconds(long ms) => (long)Math.Round(ms / 1000.0);
}
