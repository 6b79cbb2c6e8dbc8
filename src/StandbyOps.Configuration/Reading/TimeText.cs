using NodaTime;
using NodaTime.Text;
using StandbyOps.Configuration.Calendars;

namespace StandbyOps.Configuration.Reading;

/// <summary>Local times (<c>HH:mm</c>), opening ranges (<c>08:30-18:00</c>), dates (<c>2026-12-24</c>) and date-times (<c>2026-12-05T22:00</c>).</summary>
internal static class TimeText
{
    public const string TimeFix = "write the time as HH:mm with two-digit hours, 00:00 to 23:59, e.g. 08:30";
    public const string RangeFix = "write ranges as HH:mm-HH:mm, several separated by commas, e.g. \"08:30-12:00,13:00-17:00\"; 24:00 ends a range at midnight";
    public const string DateFix = "write the date as yyyy-MM-dd, e.g. 2026-12-24";
    public const string DateTimeFix = "write the local date and time as yyyy-MM-ddTHH:mm, e.g. 2026-12-05T22:00";

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalDateTimePattern DateTimeMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern DateTimeSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    public static Parsed<LocalTime> ParseTime(string text) => ParseTime(text.Trim(), allowEndOfDay: false);

    /// <summary>Parses <c>HH:mm</c>; with <paramref name="allowEndOfDay"/>, <c>24:00</c> parses to midnight.</summary>
    public static Parsed<LocalTime> ParseTime(string text, bool allowEndOfDay)
    {
        if (text.Length != 5 || text[2] != ':' || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1])
            || !char.IsAsciiDigit(text[3]) || !char.IsAsciiDigit(text[4]))
        {
            return Parsed.Failure<LocalTime>("not a time in HH:mm form", TimeFix);
        }

        var hour = ((text[0] - '0') * 10) + (text[1] - '0');
        var minute = ((text[3] - '0') * 10) + (text[4] - '0');
        if (allowEndOfDay && hour == 24 && minute == 0)
        {
            return Parsed.Success(LocalTime.Midnight);
        }

        return hour > 23 || minute > 59
            ? Parsed.Failure<LocalTime>("the hour must be 00-23 and the minute 00-59", TimeFix)
            : Parsed.Success(new LocalTime(hour, minute));
    }

    /// <summary>Parses one or more comma-separated opening ranges; each must have From before To.</summary>
    public static Parsed<IReadOnlyList<TimeRange>> ParseRanges(string text)
    {
        var ranges = new List<TimeRange>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                return Parsed.Failure<IReadOnlyList<TimeRange>>("not a time range", RangeFix);
            }

            var from = ParseTime(part[..dash].Trim(), allowEndOfDay: false);
            var to = ParseTime(part[(dash + 1)..].Trim(), allowEndOfDay: true);
            if (!from.Ok || !to.Ok)
            {
                return Parsed.Failure<IReadOnlyList<TimeRange>>(from.Ok ? to.Problem : from.Problem, RangeFix);
            }

            var range = new TimeRange(from.Value, to.Value);
            if (!range.EndsAtMidnight && range.To <= range.From)
            {
                return Parsed.Failure<IReadOnlyList<TimeRange>>(
                    $"the range {range} ends before it starts; opening ranges cannot run past midnight",
                    "swap the times, or split it into two ranges on consecutive days (ending at 24:00 and starting at 00:00)");
            }

            ranges.Add(range);
        }

        return Parsed.Success<IReadOnlyList<TimeRange>>(ranges);
    }

    public static Parsed<LocalDate> ParseDate(string text)
    {
        var result = DatePattern.Parse(text.Trim());
        return result.Success
            ? Parsed.Success(result.Value)
            : Parsed.Failure<LocalDate>("not a date in yyyy-MM-dd form", DateFix);
    }

    public static Parsed<LocalDateTime> ParseDateTime(string text)
    {
        var trimmed = text.Trim();
        var result = DateTimeMinutes.Parse(trimmed);
        if (!result.Success)
        {
            result = DateTimeSeconds.Parse(trimmed);
        }

        return result.Success
            ? Parsed.Success(result.Value)
            : Parsed.Failure<LocalDateTime>("not a local date and time in yyyy-MM-ddTHH:mm form", DateTimeFix);
    }

    public static string Format(LocalTime time) => time.ToString("HH:mm", null);
}
