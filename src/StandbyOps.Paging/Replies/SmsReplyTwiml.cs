using System.Text;
using System.Xml;
using Twilio.TwiML;

namespace StandbyOps.Paging.Replies;

/// <summary>TwiML answers to Twilio's inbound SMS webhook, built with the SDK's <see cref="MessagingResponse"/>: no reply, or one reply message.</summary>
public static class SmsReplyTwiml
{
    /// <summary>Content type Twilio reads as TwiML.</summary>
    public const string ContentType = "text/xml";

    /// <summary>An empty response: Twilio sends no reply.</summary>
    public static string Empty() => new MessagingResponse().ToString();

    /// <summary>A response that replies <paramref name="text"/> to the sender.</summary>
    /// <remarks>Characters XML 1.0 cannot carry (most control characters, lone surrogates) are dropped rather than failing the webhook.</remarks>
    public static string Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new MessagingResponse().Message(XmlSafe(text)).ToString();
    }

    private static string XmlSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }
}
