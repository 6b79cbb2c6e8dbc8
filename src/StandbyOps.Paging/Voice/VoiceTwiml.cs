using Twilio.TwiML;
using Twilio.TwiML.Voice;
using TwilioHttpMethod = Twilio.Http.HttpMethod;

namespace StandbyOps.Paging.Voice;

/// <summary>
/// TwiML for paging calls, built with the SDK's <see cref="VoiceResponse"/>: the prompt (a one-digit <c>&lt;Gather&gt;</c>
/// that reads the script, once more if no key was pressed, then goodbye and hang up) and the answers to a keypress.
/// </summary>
public static class VoiceTwiml
{
    /// <summary>Content type Twilio reads as TwiML.</summary>
    public const string ContentType = "text/xml";

    /// <summary>Seconds Twilio waits for a key after reading the script.</summary>
    public const int GatherTimeoutSeconds = 6;

    /// <summary>Said before hanging up when no key was pressed.</summary>
    public const string NoKey = "No key pressed. The escalation continues. Goodbye.";

    /// <summary>
    /// Reads <paramref name="script"/> in a <c>&lt;Gather numDigits="1"&gt;</c> whose keypress is POSTed to
    /// <paramref name="gatherUrl"/>; without a key the gather is read once more, then the call says goodbye and hangs up.
    /// </summary>
    public static string Prompt(string script, Uri gatherUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        ArgumentNullException.ThrowIfNull(gatherUrl);
        var response = new VoiceResponse();
        for (var round = 0; round < 2; round++)
        {
            var gather = new Gather(numDigits: 1, action: gatherUrl, method: TwilioHttpMethod.Post, timeout: GatherTimeoutSeconds);
            gather.Say(script);
            response.Append(gather);
        }

        return response.Say(NoKey).Hangup().ToString();
    }

    /// <summary>Says <paramref name="text"/> and hangs up (after an acknowledgement, or when the page is no longer active).</summary>
    public static string SayAndHangUp(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new VoiceResponse().Say(text).Hangup().ToString();
    }
}
