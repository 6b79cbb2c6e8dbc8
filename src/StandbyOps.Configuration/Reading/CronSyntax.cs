using System.Globalization;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Validates 5-field cron expressions (minute hour day-of-month month day-of-week) as cron(8)
/// writes them: <c>*</c>, numbers, ranges <c>a-b</c>, steps <c>*/n</c> and <c>a-b/n</c>, comma lists,
/// month names <c>jan</c>…<c>dec</c> and day names <c>sun</c>…<c>sat</c> (0 and 7 are Sunday).
/// </summary>
internal static class CronSyntax
{
    public const string Fix = "write five fields: minute (0-59) hour (0-23) day-of-month (1-31) month (1-12) day-of-week (0-7, 0 and 7 are Sunday), e.g. \"0 2 * * *\" for 02:00 every day";

    private static readonly Field[] Fields =
    [
        new("minute", 0, 59, []),
        new("hour", 0, 23, []),
        new("day-of-month", 1, 31, []),
        new("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        new("day-of-week", 0, 7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    public static Parsed<string> Parse(string text)
    {
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
        {
            return Parsed.Failure<string>($"a cron expression has 5 fields, this one has {parts.Length}", Fix);
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (Check(parts[i], Fields[i]) is { } problem)
            {
                return Parsed.Failure<string>($"field {i + 1} ({Fields[i].Name}): {problem}", Fix);
            }
        }

        return Parsed.Success(string.Join(' ', parts));
    }

    private static string? Check(string field, Field spec)
    {
        foreach (var item in field.Split(','))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var range = slash < 0 ? item : item[..slash];
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1))
            {
                return "a step after '/' must be a whole number of at least 1";
            }

            if (range == "*")
            {
                continue;
            }

            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var low = Value(dash < 0 ? range : range[..dash], spec);
            var high = dash < 0 ? low : Value(range[(dash + 1)..], spec);
            if (low is null || high is null)
            {
                return $"values must be {spec.Min}-{spec.Max}{(spec.Names.Count > 0 ? " or names such as " + spec.Names[0] : "")}";
            }

            if (low > high)
            {
                return "a range must go from low to high";
            }
        }

        return null;
    }

    private static int? Value(string text, Field spec)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= spec.Min && number <= spec.Max ? number : null;
        }

        var index = spec.Names.ToList().IndexOf(text.ToLowerInvariant());
        return index < 0 ? null : index + (spec.Min == 1 ? 1 : 0);
    }

    private sealed record Field(string Name, int Min, int Max, IReadOnlyList<string> Names);
}
