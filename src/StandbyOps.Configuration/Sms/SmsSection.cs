using System.Text.RegularExpressions;
using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Sms;

/// <summary>Reads <c>sms:</c> and <c>sms.twilio:</c>.</summary>
internal static partial class SmsSection
{
    private static readonly string[] Keys = ["provider", "twilio"];
    private static readonly string[] TwilioKeys = ["accountSid", "authToken", "from", "messagingServiceSid", "baseUrl", "apiKeySid", "apiKeySecret"];

    private static readonly Func<string, Parsed<SmsProvider>> ParseProvider =
        Choices.Of(("log", SmsProvider.Log), ("twilio", SmsProvider.Twilio));

    public static SmsConfig Read(MappingReader top, bool publicUrlSet)
    {
        if (top.Mapping("sms", "sms", Keys) is not { } sms)
        {
            return new SmsConfig(SmsProvider.Log, null);
        }

        var provider = sms.Parse("provider", ParseProvider, SmsProvider.Log);
        var twilio = sms.Mapping("twilio", "sms.twilio", TwilioKeys) is { } block ? ReadTwilio(block) : null;
        if (provider == SmsProvider.Twilio)
        {
            if (!sms.Has("twilio"))
            {
                top.Reader.Error(sms.MarkOf("provider"), "the twilio SMS provider needs an sms.twilio block",
                    "add sms.twilio with accountSid, authToken and from (or messagingServiceSid); see docs/configuration.md");
            }

            if (!publicUrlSet)
            {
                top.Reader.Error(sms.MarkOf("provider"), "the twilio SMS provider needs server.publicUrl",
                    "add server.publicUrl: the https URL Twilio reaches this server at; its callbacks are signed against it");
            }
        }

        return new SmsConfig(provider, twilio);
    }

    private static TwilioConfig ReadTwilio(MappingReader twilio)
    {
        var accountSid = twilio.Parse("accountSid", text => Sid(text, "AC", "an Account SID"), "", "${TWILIO_ACCOUNT_SID}");
        var authToken = twilio.RequiredString("authToken", "${TWILIO_AUTH_TOKEN}");
        var from = twilio.TryParse("from", Names.ParsePhone, out var phone) ? phone : null;
        var messagingService = twilio.TryParse("messagingServiceSid", text => Sid(text, "MG", "a Messaging Service SID"), out var mg) ? mg : null;
        if (twilio.Has("from") && twilio.Has("messagingServiceSid"))
        {
            twilio.Reader.Error(twilio.MarkOf("messagingServiceSid"), "sms.twilio sets both 'from' and 'messagingServiceSid'",
                "keep one: 'from' sends from that number, 'messagingServiceSid' lets the service pick the sender");
        }
        else if (!twilio.Has("from") && !twilio.Has("messagingServiceSid"))
        {
            twilio.Reader.Error(twilio.Anchor, "sms.twilio has neither 'from' nor 'messagingServiceSid'",
                "add from: \"+31970...\" (an E.164 number of your Twilio account) or messagingServiceSid: MG...");
        }

        var baseUrl = twilio.Parse("baseUrl", Names.ParseHttpUrl, TwilioConfig.DefaultBaseUrl);
        var apiKeySid = twilio.TryParse("apiKeySid", text => Sid(text, "SK", "an API key SID"), out var sk) ? sk : null;
        var apiKeySecret = twilio.String("apiKeySecret");
        if (twilio.Has("apiKeySid") != twilio.Has("apiKeySecret"))
        {
            var present = twilio.Has("apiKeySid") ? "apiKeySid" : "apiKeySecret";
            twilio.Reader.Error(twilio.MarkOf(present), "sms.twilio sets only one of 'apiKeySid' and 'apiKeySecret'",
                "set both to send with an API key, or neither to send with the account's auth token");
        }

        return new TwilioConfig(accountSid, authToken, from, messagingService, baseUrl, apiKeySid, apiKeySecret);
    }

    private static Parsed<string> Sid(string text, string prefix, string noun)
    {
        var sid = text.Trim();
        return sid.Length == 34 && sid.StartsWith(prefix, StringComparison.Ordinal) && HexPattern().IsMatch(sid[2..])
            ? Parsed.Success(sid)
            : Parsed.Failure<string>($"not {noun}", $"copy it from the Twilio console: '{prefix}' followed by 32 hexadecimal digits");
    }

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex HexPattern();
}
