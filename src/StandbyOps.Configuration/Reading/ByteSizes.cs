using System.Globalization;
using System.Text.RegularExpressions;

namespace StandbyOps.Configuration.Reading;

/// <summary>Sizes such as <c>512KB</c>, <c>200MB</c>, <c>2GB</c>: a whole number and a unit, 1 KB = 1024 bytes.</summary>
internal static partial class ByteSizes
{
    /// <summary>The smallest size accepted: a store smaller than this cannot hold its own schema.</summary>
    public const long Min = 64 * 1024;

    public static Parsed<long> Parse(string text)
    {
        var match = SizeSyntax().Match(text.Trim());
        const string fix = "write a whole number and a unit KB, MB or GB (1 KB = 1024 bytes), e.g. 2GB or 500MB";
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Parsed.Failure<long>($"'{text}' is not a size", fix);
        }

        var unit = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "KB" => 1024L,
            "MB" => 1024L * 1024,
            _ => 1024L * 1024 * 1024,
        };
        if (number > long.MaxValue / unit || number * unit < Min)
        {
            return Parsed.Failure<long>($"'{text}' is out of range", $"write a size of at least 64KB and at most a few TB; {fix}");
        }

        return Parsed.Success(number * unit);
    }

    [GeneratedRegex("^([0-9]{1,12})(KB|MB|GB)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizeSyntax();
}
