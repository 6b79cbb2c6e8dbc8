using System.Globalization;

namespace StandbyOps.Monitoring.Probes;

/// <summary>Formats the pieces of probe reasons the same way in every probe.</summary>
internal static class ProbeText
{
    private const int MaxQuotedLength = 60;

    /// <summary>"250ms", "0.05ms", "2.31s", "5s": short enough for an SMS, exact enough to compare with a limit.</summary>
    public static string Duration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms"
            : duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    public static string Quoted(string text) =>
        text.Length <= MaxQuotedLength ? $"\"{text}\"" : $"\"{text[..(MaxQuotedLength - 1)]}…\"";

    /// <summary>"200", "200, 204", "200-299": consecutive codes collapse into ranges.</summary>
    public static string StatusCodes(IEnumerable<int> codes)
    {
        var parts = new List<string>();
        int? start = null;
        var previous = 0;
        foreach (var code in codes.Order())
        {
            if (start is not null && code == previous + 1)
            {
                previous = code;
                continue;
            }

            if (start is { } open)
            {
                parts.Add(Range(open, previous));
            }

            start = code;
            previous = code;
        }

        if (start is { } last)
        {
            parts.Add(Range(last, previous));
        }

        return string.Join(", ", parts);

        static string Range(int from, int to) =>
            from == to ? from.ToString(CultureInfo.InvariantCulture) : $"{from}-{to}";
    }

    /// <summary>"DestinationHostUnreachable" → "destination host unreachable".</summary>
    public static string Words(string pascalCase)
    {
        var words = new System.Text.StringBuilder(pascalCase.Length + 8);
        foreach (var c in pascalCase)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
