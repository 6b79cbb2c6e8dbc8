using System.Globalization;

namespace StandbyOps.Billing.Invoices;

/// <summary>Invoice numbers: <c>INV-{year}-{sequence}</c>, the sequence restarting at 1 each year and padded to four digits.</summary>
public static class InvoiceNumber
{
    /// <summary>The prefix of every number.</summary>
    public const string Prefix = "INV";

    /// <summary>Formats e.g. (2026, 1) as <c>INV-2026-0001</c>; sequences past 9999 simply grow (<c>INV-2026-10000</c>).</summary>
    public static string Format(int year, int sequence)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "An invoice year has four digits.");
        }

        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Invoice sequences start at 1.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-{sequence:D4}");
    }

    /// <summary>Reads a number written by <see cref="Format"/>; anything else (other padding, spaces, signs) is rejected.</summary>
    public static bool TryParse(string? text, out int year, out int sequence)
    {
        year = 0;
        sequence = 0;
        var parts = text?.Split('-');
        if (parts is not [Prefix, var yearText, var sequenceText]
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            || y is < 1 or > 9999
            || s < 1
            || Format(y, s) != text)
        {
            return false;
        }

        year = y;
        sequence = s;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a well-formed invoice number.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);
}
