using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace StandbyOps.Core.Calendars;

/// <summary>
/// One local opening range within a day, <c>[From, To)</c>. <c>To</c> = 00:00 means the end of the day
/// ("24:00"), so a range never crosses midnight: a night opening is split across two days.
/// </summary>
public sealed record OpeningRange
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public OpeningRange(LocalTime from, LocalTime to)
    {
        Preconditions.Require(
            to == LocalTime.Midnight || from < to,
            nameof(to),
            $"Opening range {Format(from)}-{Format(to)} must start before it ends; split a range that crosses midnight across two days.");
        From = from;
        To = to;
    }

    public LocalTime From { get; }

    /// <summary>The exclusive end; 00:00 stands for the end of the day.</summary>
    public LocalTime To { get; }

    public bool EndsAtMidnight => To == LocalTime.Midnight;

    /// <summary>The nominal length by the wall clock (ignores DST, which <see cref="BusinessCalendar"/> applies per date).</summary>
    public Duration Length => EndsAtMidnight
        ? Duration.FromDays(1) - Duration.FromNanoseconds(From.NanosecondOfDay)
        : Duration.FromNanoseconds(To.NanosecondOfDay - From.NanosecondOfDay);

    /// <summary>Parses <c>"08:30-17:00"</c>; <c>"24:00"</c> is accepted as an end.</summary>
    public static OpeningRange Parse(string text)
    {
        Preconditions.NotNull(text, nameof(text));
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            throw new FormatException($"Invalid opening range '{text}': expected 'HH:mm-HH:mm', e.g. '08:30-17:00'.");
        }

        var from = ParseTime(parts[0].Trim(), text, allowEndOfDay: false);
        var to = ParseTime(parts[1].Trim(), text, allowEndOfDay: true);
        try
        {
            return new OpeningRange(from, to);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Invalid opening range '{text}': {e.Message}", e);
        }
    }

    /// <summary>Parses a comma-separated list, <c>"08:30-12:00,13:00-17:00"</c>.</summary>
    public static IReadOnlyList<OpeningRange> ParseList(string text)
    {
        Preconditions.NotNull(text, nameof(text));
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();
    }

    public void Deconstruct(out LocalTime from, out LocalTime to)
    {
        from = From;
        to = To;
    }

    public override string ToString() => $"{Format(From)}-{(EndsAtMidnight ? "24:00" : Format(To))}";

    private static string Format(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static LocalTime ParseTime(string value, string text, bool allowEndOfDay)
    {
        if (allowEndOfDay && value == "24:00")
        {
            return LocalTime.Midnight;
        }

        var result = Pattern.Parse(value);
        return result.Success
            ? result.Value
            : throw new FormatException($"Invalid opening range '{text}': '{value}' is not a time 'HH:mm'.");
    }
}
