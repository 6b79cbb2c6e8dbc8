using System.Collections.Frozen;
using System.Text;

namespace StandbyOps.Paging.Sms;

/// <summary>Rewrites text into the GSM-7 alphabet so a page is never silently sent as UCS-2 (70 characters a segment instead of 160).</summary>
/// <remarks>
/// Latin letters with diacritics outside GSM-7 lose the diacritic (<c>Ł</c> → <c>L</c>, <c>č</c> → <c>c</c>),
/// typographic punctuation becomes its ASCII form (<c>…</c> → <c>...</c>, <c>–</c> → <c>-</c>), other
/// whitespace becomes a space, and anything else becomes <see cref="Replacement"/>. A table is used
/// because Unicode decomposition is not available under invariant globalization.
/// </remarks>
public static class GsmText
{
    /// <summary>Stands in for a character with no GSM-7 equivalent.</summary>
    public const char Replacement = '?';

    private static readonly FrozenDictionary<char, string> Folds = BuildFolds();

    /// <summary>Returns <paramref name="text"/> with every character in GSM-7 (unchanged when it already is).</summary>
    public static string ToGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SmsSegments.IsGsm7(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (SmsSegments.IsGsm7(c))
            {
                builder.Append(c);
            }
            else if (Folds.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
            }
            else if (char.IsWhiteSpace(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(Replacement);

                // One replacement for a whole surrogate pair (an emoji is one character to the reader).
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
            }
        }

        return builder.ToString();
    }

    private static FrozenDictionary<char, string> BuildFolds()
    {
        (string From, string To)[] groups =
        [
            ("ÁÂÃĀĂĄ", "A"), ("áâãāăą", "a"), ("ĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐÐ", "D"), ("ďđð", "d"),
            ("ÈÊËĒĔĖĘĚ", "E"), ("êëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("íîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
            ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ŃŅŇ", "N"), ("ńņňŉ", "n"), ("ÒÓÔÕŌŎŐ", "O"), ("óôõōŏő", "o"),
            ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠȘ", "S"), ("śŝşšș", "s"), ("ŢŤŦȚ", "T"), ("ţťŧț", "t"),
            ("ÙÚÛŨŪŬŮŰŲ", "U"), ("úûũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"),
            ("ŹŻŽ", "Z"), ("źżž", "z"), ("Œ", "OE"), ("œ", "oe"), ("Ĳ", "IJ"), ("ĳ", "ij"), ("Þ", "Th"), ("þ", "th"),
            ("‘’‚‛′`´", "'"), ("“”„‟″«»", "\""), ("‐‑‒–—―−", "-"), ("…", "..."), ("•·", "*"), ("\t", " "),
        ];

        var folds = new Dictionary<char, string>();
        foreach (var (from, to) in groups)
        {
            foreach (var c in from)
            {
                folds.Add(c, to);
            }
        }

        return folds.ToFrozenDictionary();
    }
}
