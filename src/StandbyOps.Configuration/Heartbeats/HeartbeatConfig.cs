using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Heartbeats;

/// <summary>
/// A heartbeat the system pings at <c>/ping/{token}</c>. Exactly one of <see cref="Period"/> and
/// <see cref="Cron"/> (5 fields, evaluated in <see cref="CronZone"/> = the customer's calendar zone) is
/// set; <see cref="Grace"/> defaults to 1h. The token is unique across the whole file and is not
/// printed by <see cref="ToString"/>.
/// </summary>
public sealed record HeartbeatConfig(
    string Id,
    string Token,
    Duration? Period,
    string? Cron,
    DateTimeZone CronZone,
    Duration Grace,
    Priority Priority)
{
    public static readonly Duration DefaultGrace = Duration.FromHours(1);

    public override string ToString() =>
        $"heartbeat {Id} ({(Period is { } period ? $"every {period}" : $"cron '{Cron}'")}, grace {Grace}, {Priority})";
}
