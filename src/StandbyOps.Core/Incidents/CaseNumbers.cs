using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace StandbyOps.Core.Incidents;

/// <summary>
/// Case numbers <c>YYYY-NNNNNN</c> (DOMAIN.md): the UTC year of the opening instant and that year's durable sequence
/// <c>case-YYYY</c>, zero-padded to six digits (a seven-digit number follows 999999 rather than wrapping or refusing
/// an incident). UTC, not the customer's zone, because one sequence serves every customer and must never repeat.
/// The one definition: the desk, the API, the web UI and the SMS reply parser all read case numbers here, and only
/// the canonical form parses (<c>2026-0000042</c> is not <c>2026-000042</c> written differently: it is refused).
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

    /// <summary>True for <c>YYYY-NNNNNN</c> as <see cref="Format"/> writes it (six digits, or seven past 999999; not all zero).</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? text) => TryParse(text, out _, out _);

    /// <summary>The same test on a span (the SMS reply parser reads case numbers out of a longer body).</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text) => text.Length <= MaxLength && IsWellFormed(text.ToString());

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
        // Seven digits only for numbers past 999999: a padded seven-digit form would name an existing case differently.
        return year > 0 && number > 0 && (digits.Length == 6 || digits[0] != '0');
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept("0123456789");
}
