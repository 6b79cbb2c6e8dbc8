using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using StandbyOps.Core.Incidents;

namespace StandbyOps.Paging.Replies;

/// <summary>Reads an inbound SMS body as an <see cref="SmsReply"/> (DOMAIN.md "Replies").</summary>
/// <remarks>
/// Case is ignored and all whitespace is removed first, so <c>1 a</c>, <c>1A</c> and <c> ack 2026-000041 </c>
/// all parse. Recognised, after that normalisation:
/// <list type="bullet">
/// <item><c>&lt;code&gt;A</c> / <c>&lt;code&gt;R</c> with a code of 1–4 digits without a leading zero;</item>
/// <item><c>A</c> or <c>ACK</c> alone: acknowledge the latest page;</item>
/// <item><c>ACK&lt;case&gt;</c> / <c>RES&lt;case&gt;</c> with a case number <c>YYYY-NNNNNN</c>;</item>
/// <item>the whole body being a carrier keyword: Twilio's default opt-out set (<c>STOP, STOPALL,
/// UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT</c>), opt-in set (<c>START, YES, UNSTOP</c>) and
/// help set (<c>HELP, INFO</c>).</item>
/// </list>
/// Everything else is <see cref="UnknownReply"/>. Bare <c>R</c> is deliberately not "resolve the
/// latest": resolving should name what it resolves.
/// </remarks>
public static class ReplyParser
{
    private const int MaxCodeDigits = 4;

    private static readonly FrozenSet<string> OptOutKeywords =
        FrozenSet.Create(StringComparer.Ordinal, "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

    private static readonly FrozenSet<string> OptInKeywords = FrozenSet.Create(StringComparer.Ordinal, "START", "YES", "UNSTOP");

    private static readonly FrozenSet<string> HelpKeywords = FrozenSet.Create(StringComparer.Ordinal, "HELP", "INFO");

    /// <summary>Parses <paramref name="body"/>; never throws for any text (null counts as empty).</summary>
    public static SmsReply Parse(string? body)
    {
        var text = Normalize(body ?? string.Empty);

        if (OptOutKeywords.Contains(text))
        {
            return new OptOut(text);
        }

        if (OptInKeywords.Contains(text))
        {
            return new OptIn(text);
        }

        if (HelpKeywords.Contains(text))
        {
            return new HelpRequest();
        }

        if (text is "A" or "ACK")
        {
            return new AcknowledgeLatest();
        }

        if (text.StartsWith("ACK", StringComparison.Ordinal) && CaseNumbers.IsWellFormed(text.AsSpan(3)))
        {
            return new AcknowledgeByCase(text[3..]);
        }

        if (text.StartsWith("RES", StringComparison.Ordinal) && CaseNumbers.IsWellFormed(text.AsSpan(3)))
        {
            return new ResolveByCase(text[3..]);
        }

        if (TryParseCode(text, out var code, out var action))
        {
            return action == 'A' ? new AcknowledgeByCode(code) : new ResolveByCode(code);
        }

        return new UnknownReply(body ?? string.Empty);
    }

    private static bool TryParseCode(string text, out int code, out char action)
    {
        code = 0;
        action = text.Length > 0 ? text[^1] : '\0';
        var digits = text.AsSpan(0, Math.Max(0, text.Length - 1));
        return action is 'A' or 'R'
            && digits.Length is > 0 and <= MaxCodeDigits
            && digits[0] != '0'
            && IsDigits(digits)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalize(string body)
    {
        var builder = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
