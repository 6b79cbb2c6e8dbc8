using NodaTime;
using NodaTime.TimeZones;

namespace StandbyOps.Billing.Standby;

/// <summary>The one local→instant policy of billing: a skipped local time moves forward by the gap, an ambiguous one takes the earlier instant.</summary>
internal static class ZoneTime
{
    public static Instant ToInstant(DateTimeZone zone, LocalDateTime local) =>
        zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    public static LocalDateTime ToLocal(DateTimeZone zone, Instant instant) =>
        instant.InZone(zone).LocalDateTime;
}
