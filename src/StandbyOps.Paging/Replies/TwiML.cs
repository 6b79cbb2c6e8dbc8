using System.Text;
using System.Xml;

namespace StandbyOps.Paging.Replies;

/// <summary>TwiML answers to Twilio's inbound SMS webhook: no reply, or one reply message.</summary>
public static class TwiML
{
    /// <summary>Content type Twilio reads as TwiML.</summary>
    public const string ContentType = "text/xml";

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    /// <summary>An empty response: Twilio sends no reply.</summary>
    public static string Empty() => Declaration + "<Response></Response>";

    /// <summary>A response that replies <paramref name="text"/> to the sender, XML-escaped.</summary>
    /// <remarks>Characters XML 1.0 cannot carry (most control characters, lone surrogates) are dropped rather than failing the webhook.</remarks>
    public static string Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Declaration + "<Response><Message>" + Escape(text) + "</Message></Response>";
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                default:
                    if (XmlConvert.IsXmlChar(c))
                    {
                        builder.Append(c);
                    }
                    else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
