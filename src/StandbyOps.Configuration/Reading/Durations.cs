using System.Globalization;
using System.Text;
using NodaTime;

namespace StandbyOps.Configuration.Reading;

/// <summary>
/// Durations written as whole numbers with units, largest first: <c>500ms</c>, <c>30s</c>, <c>5m</c>,
/// <c>4h</c>, <c>24h</c>, <c>1d</c>, <c>1h30m</c>. A day is 24 elapsed hours.
/// </summary>
internal static class Durations
{
    public const string Fix = "write whole numbers with a unit ms, s, m, h or d, largest first, e.g. 30s, 5m, 4h, 1d or 1h30m";

    private static readonly (string Unit, Duration Size)[] Units =
    [
        ("d", Duration.FromDays(1)),
        ("h", Duration.FromHours(1)),
        ("m", Duration.FromMinutes(1)),
        ("s", Duration.FromSeconds(1)),
        ("ms", Duration.FromMilliseconds(1)),
    ];

    public static Parsed<Duration> Parse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            return Parsed.Failure<Duration>("empty", Fix);
        }

        var total = Duration.Zero;
        var lastUnit = -1;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return Parsed.Failure<Duration>(
                    s[i] == '-' ? "durations cannot be negative" : "expected a whole number before each unit", Fix);
            }

            if (i - start > 9)
            {
                return Parsed.Failure<Duration>("the number is too large", Fix);
            }

            var amount = long.Parse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            var unit = s[unitStart..i];
            if (unit.Length == 0)
            {
                return Parsed.Failure<Duration>(
                    i < s.Length && s[i] is '.' or ',' ? "fractions are not allowed" : "a unit is missing", Fix);
            }

            var index = Array.FindIndex(Units, u => u.Unit == unit);
            if (index < 0)
            {
                return Parsed.Failure<Duration>("the unit is not one of ms, s, m, h, d", Fix);
            }

            if (index <= lastUnit)
            {
                return Parsed.Failure<Duration>("units must go from largest to smallest, each once", Fix);
            }

            lastUnit = index;
            total += Units[index].Size * amount;
        }

        return Parsed.Success(total);
    }

    public static Parsed<Duration> ParsePositive(string text)
    {
        var parsed = Parse(text);
        return parsed.Ok && parsed.Value <= Duration.Zero
            ? Parsed.Failure<Duration>("it must be longer than zero", "write a positive duration, e.g. 30s, 5m or 1h")
            : parsed;
    }

    /// <summary>The shortest text that parses back to <paramref name="duration"/>, e.g. <c>1h30m</c>.</summary>
    public static string Format(Duration duration)
    {
        if (duration == Duration.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var rest = duration;
        foreach (var (unit, size) in Units)
        {
            var count = (long)Math.Floor(rest / size);
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= size * count;
            }
        }

        return text.ToString();
    }
}
