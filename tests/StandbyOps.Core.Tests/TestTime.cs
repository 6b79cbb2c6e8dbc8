using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace StandbyOps.Core.Tests;

/// <summary>Readable instants for tests: local times in real zones, UTC literals.</summary>
internal static class TestTime
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    /// <summary>An unambiguous local time ("2026-11-20 15:00") in <paramref name="zone"/>; throws if it is in a gap or overlap.</summary>
    public static Instant At(DateTimeZone zone, string local) => LocalPattern.Parse(local).Value.InZoneStrictly(zone).ToInstant();

    public static Instant Ams(string local) => At(Amsterdam, local);

    public static Instant Ny(string local) => At(NewYork, local);

    public static Instant Utc(string iso) => InstantPattern.General.Parse(iso).Value;

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static string LocalText(Instant instant, DateTimeZone zone)
        => instant.InZone(zone).LocalDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
