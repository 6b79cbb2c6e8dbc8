using System.Collections.Frozen;

namespace StandbyOps.Paging.Sms;

/// <summary>Which alphabet an SMS is sent in.</summary>
public enum SmsCharset
{
    /// <summary>GSM 03.38 default alphabet: 160 septets in one segment, 153 per segment when split.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16): 70 code units in one segment, 67 per segment when split.</summary>
    Ucs2,
}

/// <summary>An SMS's charset, its length in that charset's units (septets or UTF-16 code units), and its segment count.</summary>
public readonly record struct SmsSize(SmsCharset Charset, int Units, int Segments);

/// <summary>Counts SMS segments the way carriers split them (GSM 03.38 and UCS-2, concatenation headers included).</summary>
/// <remarks>
/// GSM extension characters (<c>^{}\[~]|€</c> and form feed) take two septets, and neither an
/// escape pair nor a UTF-16 surrogate pair is split across segments, so a split text can need one
/// segment more than a plain division suggests.
/// </remarks>
public static class SmsSegments
{
    /// <summary>Septets in a single GSM-7 segment.</summary>
    public const int Gsm7Single = 160;

    /// <summary>Septets per segment of a multi-part GSM-7 message.</summary>
    public const int Gsm7Multi = 153;

    /// <summary>Code units in a single UCS-2 segment.</summary>
    public const int Ucs2Single = 70;

    /// <summary>Code units per segment of a multi-part UCS-2 message.</summary>
    public const int Ucs2Multi = 67;

    private const string BasicCharacters =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string ExtensionCharacters = "\f^{}\\[~]|€";

    private static readonly FrozenSet<char> Basic = BasicCharacters.ToFrozenSet();
    private static readonly FrozenSet<char> Extension = ExtensionCharacters.ToFrozenSet();

    /// <summary>True when <paramref name="c"/> is in the GSM-7 basic set or its extension table.</summary>
    public static bool IsGsm7(char c) => Basic.Contains(c) || Extension.Contains(c);

    /// <summary>True when all of <paramref name="text"/> can be sent as GSM-7.</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!IsGsm7(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Septets a GSM-7 character takes: 1, or 2 for an extension character.</summary>
    public static int Septets(char c) => Extension.Contains(c) ? 2 : 1;

    /// <summary>Measures <paramref name="text"/>: GSM-7 when every character allows it, otherwise UCS-2.</summary>
    public static SmsSize Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsGsm7(text) ? MeasureGsm7(text) : MeasureUcs2(text);
    }

    private static SmsSize MeasureGsm7(string text)
    {
        var units = 0;
        foreach (var c in text)
        {
            units += Septets(c);
        }

        if (units <= Gsm7Single)
        {
            return new SmsSize(SmsCharset.Gsm7, units, units == 0 ? 0 : 1);
        }

        var segments = 1;
        var used = 0;
        foreach (var c in text)
        {
            var cost = Septets(c);
            if (used + cost > Gsm7Multi)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return new SmsSize(SmsCharset.Gsm7, units, segments);
    }

    private static SmsSize MeasureUcs2(string text)
    {
        var units = text.Length;
        if (units <= Ucs2Single)
        {
            return new SmsSize(SmsCharset.Ucs2, units, units == 0 ? 0 : 1);
        }

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cost = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (used + cost > Ucs2Multi)
            {
                segments++;
                used = 0;
            }

            used += cost;
            i += cost - 1;
        }

        return new SmsSize(SmsCharset.Ucs2, units, segments);
    }
}
