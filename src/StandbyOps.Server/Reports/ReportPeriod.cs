using NodaTime;
using NodaTime.Text;
using StandbyOps.Core.Time;

namespace StandbyOps.Server.Reports;

/// <summary>Reads a report's <c>from</c>/<c>to</c>: an ISO-8601 instant (<c>2026-11-20T00:00:00Z</c>) or a date, which means its start in the customer's zone.</summary>
public static class ReportPeriod
{
    /// <summary>The instant, or null with an error added under <paramref name="name"/>.</summary>
    public static Instant? Parse(string? text, string name, DateTimeZone zone, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"'{name}' is required: an instant such as 2026-11-20T00:00:00Z or a date such as 2026-11-20 (midnight in the customer's zone)."];
            return null;
        }

        if (InstantPattern.ExtendedIso.Parse(text).TryGetValue(default, out var instant))
        {
            return instant;
        }

        if (LocalDatePattern.Iso.Parse(text).TryGetValue(default, out var date))
        {
            return LocalTimePolicy.StartOfDay(date, zone);
        }

        errors[name] = [$"'{text}' is neither an instant such as 2026-11-20T00:00:00Z nor a date such as 2026-11-20."];
        return null;
    }
}
