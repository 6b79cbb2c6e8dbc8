using NodaTime;
using NodaTime.TimeZones;

namespace StandbyOps.Core.Time;

/// <summary>
/// The one local → instant policy of the product (DOMAIN.md "Time and calendars"): a local time in a
/// spring-forward gap moves forward by the length of the gap; an ambiguous local time in an autumn
/// overlap takes the earlier instant. Every local → instant conversion goes through here.
/// </summary>
public static class LocalTimePolicy
{
    /// <summary>NodaTime's lenient resolver is exactly this policy (earlier for overlaps, shift forward for gaps).</summary>
    public static ZoneLocalMappingResolver Resolver { get; } = Resolvers.LenientResolver;

    public static ZonedDateTime ToZoned(LocalDateTime local, DateTimeZone zone)
        => Preconditions.NotNull(zone, nameof(zone)).ResolveLocal(local, Resolver);

    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone) => ToZoned(local, zone).ToInstant();

    public static Instant ToInstant(LocalDate date, LocalTime time, DateTimeZone zone) => ToInstant(date + time, zone);

    /// <summary>The first instant of a local date (midnight, or the end of a gap that swallows midnight).</summary>
    public static Instant StartOfDay(LocalDate date, DateTimeZone zone) => ToInstant(date.AtMidnight(), zone);
}
