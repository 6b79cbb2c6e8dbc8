using NodaTime;
using NodaTime.Text;
using StandbyOps.Configuration;

namespace StandbyOps.Server.Web;

/// <summary>
/// Instants as a person reads them: in the customer's zone (its calendar's), with the zone's abbreviation,
/// and the exact UTC instant in the <c>&lt;time&gt;</c> element's <c>datetime</c> and <c>title</c>.
/// </summary>
public static class WebTimes
{
    private static readonly ZonedDateTimePattern Local = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM yyyy HH:mm x", null);

    /// <summary>The zone of <paramref name="customer"/>'s calendar; UTC for a customer no longer in the configuration.</summary>
    public static DateTimeZone ZoneOf(StandbyOpsConfig config, string customer)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Customers.TryGetValue(customer, out var c) && config.Calendars.TryGetValue(c.Calendar, out var calendar)
            ? calendar.Zone
            : DateTimeZone.Utc;
    }

    /// <summary>A <c>&lt;time&gt;</c> element for <paramref name="at"/>, or a dash when there is none.</summary>
    public static Html Time(Instant? at, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (at is not { } instant)
        {
            return Html.Of($"<span class=\"none\">—</span>");
        }

        var utc = InstantPattern.General.Format(instant);
        return Html.Of($"<time datetime=\"{utc}\" title=\"{utc}\">{Local.Format(instant.InZone(zone))}</time>");
    }
}
