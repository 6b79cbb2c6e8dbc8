using NodaTime;

namespace StandbyOps.Configuration.Reading;

/// <summary>Time zones by IANA id from the TZDB that ships with NodaTime.</summary>
internal static class Zones
{
    private const string Fix = "use an IANA zone id such as Europe/Amsterdam or America/New_York; a fixed offset is written as a zone such as Etc/GMT-1 (= UTC+1, the sign is inverted)";

    public static Parsed<DateTimeZone> Parse(string text)
    {
        var id = text.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone)
        {
            return Parsed.Success(zone);
        }

        return Parsed.Failure<DateTimeZone>("not a time zone in the TZDB",
            Suggestions.DidYouMean(id, DateTimeZoneProviders.Tzdb.Ids) + Fix);
    }
}
