using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace StandbyOps.Incidents.Desk;

/// <summary>
/// Case numbers <c>YYYY-NNNNNN</c>: the UTC year of the opening instant and that year's durable sequence
/// <c>case-YYYY</c>, zero-padded to six digits (a seven-digit number follows 999999 rather than wrapping).
/// UTC, not the customer's zone, because one sequence serves every customer and must never repeat.
/// </summary>
public static class CaseNumbers
{
    /// <summary>The longest case number accepted (a year and up to seven digits).</summary>
    public const int MaxLength = 12;

    public static int YearOf(Instant openedAt) => openedAt.InUtc().Year;

    public static string SequenceName(int year) => string.Create(CultureInfo.InvariantCulture, $"case-{year:D4}");

    public static string Format(int year, long number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9_999_999);
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{number:D6}");
    }

    /// <summary>True for <c>YYYY-NNNNNN</c> (six or seven digits, not all zero).</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? text) => TryParse(text, out _, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out int year, out long number)
    {
        year = 0;
        number = 0;
        if (text is null || text.Length is < 11 or > MaxLength || text[4] != '-')
        {
            return false;
        }

        var digits = text.AsSpan(5);
        if (!text.AsSpan(0, 4).ContainsOnlyDigits() || !digits.ContainsOnlyDigits())
        {
            return false;
        }

        year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        number = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return year > 0 && number > 0;
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept("0123456789");
}
