using System.Globalization;
using System.Numerics;
using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Invoicing;

/// <summary>Parses the ids printed on invoices: VAT identification numbers, IBANs and BICs.</summary>
internal static class BillingIds
{
    /// <summary>A VAT id: a two-letter country prefix and 2–13 letters or digits (spaces and dots dropped, upper case).</summary>
    public static Parsed<string> ParseVatId(string text)
    {
        var compact = Compact(text);
        return compact.Length is >= 4 and <= 15 && char.IsAsciiLetterUpper(compact[0]) && char.IsAsciiLetterUpper(compact[1]) && compact.All(char.IsAsciiLetterOrDigit)
            ? Parsed.Success(compact)
            : Parsed.Failure<string>("is not a VAT identification number", "write the country prefix and the number, e.g. NL123456789B01 or DE123456789");
    }

    /// <summary>An IBAN with a valid ISO 13616 check (mod 97); printed in groups of four.</summary>
    public static Parsed<string> ParseIban(string text)
    {
        var compact = Compact(text);
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return Parsed.Failure<string>("is not an IBAN", "write the account as an IBAN, e.g. NL91 ABNA 0417 1643 00");
        }

        var digits = string.Concat((compact[4..] + compact[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        if (BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 != 1)
        {
            return Parsed.Failure<string>("is not a valid IBAN: its check digits do not match", "copy the IBAN again from the bank's statement; one character is wrong");
        }

        return Parsed.Success(string.Join(' ', compact.Chunk(4).Select(c => new string(c))));
    }

    /// <summary>A BIC: 8 or 11 letters and digits.</summary>
    public static Parsed<string> ParseBic(string text)
    {
        var compact = Compact(text);
        return compact.Length is 8 or 11 && compact[..6].All(char.IsAsciiLetterUpper) && compact.All(char.IsAsciiLetterOrDigit)
            ? Parsed.Success(compact)
            : Parsed.Failure<string>("is not a BIC", "write the bank's 8 or 11 character BIC, e.g. ABNANL2A");
    }

    private static string Compact(string text) =>
        new([.. text.Where(c => c is not (' ' or '.' or '-')).Select(char.ToUpperInvariant)]);
}
