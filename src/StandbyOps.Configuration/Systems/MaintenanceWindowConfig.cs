using NodaTime;

namespace StandbyOps.Configuration.Systems;

/// <summary>A maintenance window in <see cref="Zone"/> (the customer's calendar zone unless the window sets <c>timeZone</c>).</summary>
public abstract record MaintenanceWindowConfig(DateTimeZone Zone);

/// <summary>Every week on <see cref="Days"/> from <see cref="From"/> to <see cref="To"/>; To &lt;= From ends the next day.</summary>
public sealed record WeeklyMaintenanceConfig(IReadOnlyList<IsoDayOfWeek> Days, LocalTime From, LocalTime To, DateTimeZone Zone)
    : MaintenanceWindowConfig(Zone)
{
    public bool CrossesMidnight => To <= From;
}

/// <summary>Once, from <see cref="From"/> to <see cref="To"/> local time (From &lt; To).</summary>
public sealed record OneOffMaintenanceConfig(LocalDateTime From, LocalDateTime To, DateTimeZone Zone)
    : MaintenanceWindowConfig(Zone);
