using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Server.Api;

/// <summary><c>/api/v1/holidays</c>: the public holidays of a built-in holiday set in a year.</summary>
public static class HolidaysApi
{
    /// <summary>The earliest year listed (the Easter rule starts in 1583).</summary>
    public const int MinYear = 1583;

    /// <summary>The latest year listed (an observed day may fall in the year before its holiday).</summary>
    public const int MaxYear = 9998;

    /// <summary>One holiday; <see cref="Date"/> is <c>yyyy-MM-dd</c>.</summary>
    public sealed record HolidayResponse(string Date, string Name);

    /// <summary>Maps the route; any valid token may read holidays.</summary>
    public static void MapHolidaysApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/holidays", List).WithTags("Holidays");

    /// <summary>
    /// Checks a holiday query shared by the API and the CLI: a known set and a year in range
    /// (<paramref name="yearText"/> null means <paramref name="defaultYear"/>).
    /// </summary>
    public static Dictionary<string, string[]> Validate(string? set, string? yearText, int defaultYear, out HolidayRuleSet? ruleSet, out int year)
    {
        var errors = new Dictionary<string, string[]>();
        ruleSet = null;
        if (string.IsNullOrWhiteSpace(set) || !HolidayRuleSet.TryGet(set, out ruleSet))
        {
            errors["set"] = [$"'{set}' is not a holiday set. Known: {string.Join(", ", HolidayRuleSet.Names)}."];
        }

        year = defaultYear;
        if (yearText is not null && (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < MinYear || year > MaxYear))
        {
            errors["year"] = [$"'{yearText}' is not a year from {MinYear} to {MaxYear}."];
        }

        return errors;
    }

    /// <summary>The holidays of <paramref name="set"/> in <paramref name="year"/>, sorted by date then name.</summary>
    public static HolidayResponse[] Holidays(HolidayRuleSet set, int year)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.HolidaysIn(year).Select(h => new HolidayResponse(LocalDatePattern.Iso.Format(h.Date), h.Name)).ToArray();
    }

    private static Results<Ok<HolidayResponse[]>, ValidationProblem> List(string? set, string? year, IClock clock)
    {
        var errors = Validate(set, year, clock.GetCurrentInstant().InUtc().Year, out var ruleSet, out var parsedYear);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "The holiday query is invalid")
            : TypedResults.Ok(Holidays(ruleSet!, parsedYear));
    }
}
