namespace StandbyOps.Paging.Sms;

/// <summary>E.164 phone numbers: validation, normalization and masking for logs.</summary>
/// <remarks>
/// A valid number is <c>+</c> followed by <see cref="MinDigits"/>–<see cref="MaxDigits"/> digits, the first
/// not zero (no country code starts with 0). Normalization only drops the separators people type
/// (spaces, dashes, dots, parentheses); an international prefix such as <c>00</c> or <c>011</c> is
/// not rewritten, because which one applies depends on the country the number was written in.
/// </remarks>
public static class PhoneNumber
{
    /// <summary>Fewest digits after the <c>+</c>.</summary>
    public const int MinDigits = 8;

    /// <summary>Most digits after the <c>+</c> (E.164's limit).</summary>
    public const int MaxDigits = 15;

    /// <summary>True when <paramref name="input"/> is already in strict E.164 form.</summary>
    public static bool IsValid(string? input) =>
        input is not null && TryNormalize(input, out var normalized) && normalized == input;

    /// <summary>Normalizes <paramref name="input"/> to E.164, or returns false.</summary>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (input is null)
        {
            return false;
        }

        var trimmed = input.Trim();
        if (!trimmed.StartsWith('+'))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxDigits + 1];
        buffer[0] = '+';
        var length = 1;
        foreach (var c in trimmed.AsSpan(1))
        {
            if (c is ' ' or '-' or '.' or '(' or ')')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || length > MaxDigits)
            {
                return false;
            }

            buffer[length++] = c;
        }

        var digits = length - 1;
        if (digits < MinDigits || buffer[1] == '0')
        {
            return false;
        }

        normalized = new string(buffer[..length]);
        return true;
    }

    /// <summary>Normalizes <paramref name="input"/> to E.164.</summary>
    /// <exception cref="ArgumentException">The input is not a phone number in international form.</exception>
    public static string Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TryNormalize(input, out var normalized)
            ? normalized
            : throw new ArgumentException(
                $"'{Mask(input)}' is not an E.164 phone number ('+' then {MinDigits}-{MaxDigits} digits, e.g. +31612345678).",
                nameof(input));
    }

    /// <summary>
    /// A form safe for logs: the country-code end and the last three digits stay, the rest is starred
    /// (<c>+31612345678</c> → <c>+31******678</c>); anything that is not a phone number is fully hidden.
    /// </summary>
    public static string Mask(string? input)
    {
        if (!TryNormalize(input, out var number))
        {
            return "***";
        }

        const int KeepStart = 3;
        const int KeepEnd = 3;
        return string.Concat(number.AsSpan(0, KeepStart), new string('*', number.Length - KeepStart - KeepEnd), number.AsSpan(number.Length - KeepEnd));
    }
}
