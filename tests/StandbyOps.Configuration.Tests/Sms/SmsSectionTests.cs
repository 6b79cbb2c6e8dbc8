using StandbyOps.Configuration.Sms;

namespace StandbyOps.Configuration.Tests.Sms;

public sealed class SmsSectionTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef";

    [Fact]
    public void The_default_provider_is_the_log()
    {
        var config = Loading.Load("server: { publicUrl: \"http://127.0.0.1:8080\" }\n").Valid();

        Assert.Equal(new SmsConfig(SmsProvider.Log, null), config.Sms);
    }

    [Fact]
    public void An_unknown_provider_is_an_error_suggesting_the_nearest()
    {
        var result = Loading.Load("""
            sms:
              provider: twillio
            """);

        result.SingleError().AssertAt(2, ["invalid provider 'twillio' in sms"], ["did you mean 'twilio'?", "log, twilio"]);
    }

    [Fact]
    public void The_twilio_provider_without_a_twilio_block_is_an_error()
    {
        var result = Loading.Load("""
            server: { publicUrl: "https://standbyops.example.net" }
            sms:
              provider: twilio
            """);

        result.SingleError().AssertAt(3, ["needs an sms.twilio block"], ["accountSid, authToken"]);
    }

    [Fact]
    public void The_twilio_provider_without_a_public_url_is_an_error()
    {
        var result = Loading.Load($$"""
            sms:
              provider: twilio
              twilio: { accountSid: {{Sid}}, authToken: token, from: "+3197010000000" }
            """);

        result.SingleError().AssertAt(2, ["needs server.publicUrl"], ["signed"]);
    }

    [Fact]
    public void A_twilio_block_without_credentials_is_an_error_per_missing_key()
    {
        var result = Loading.Load("""
            sms:
              twilio:
                from: "+3197010000000"
            """);

        Assert.Equal(["missing 'accountSid' in sms.twilio", "missing 'authToken' in sms.twilio"], result.Errors.Select(e => e.Message));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void A_twilio_block_without_a_sender_is_an_error()
    {
        var result = Loading.Load($$"""
            sms:
              twilio:
                accountSid: {{Sid}}
                authToken: token
            """);

        result.SingleError().AssertAt(2, ["neither 'from' nor 'messagingServiceSid'"], ["messagingServiceSid: MG"]);
    }

    [Fact]
    public void A_twilio_block_with_two_senders_is_an_error()
    {
        var result = Loading.Load($$"""
            sms:
              twilio:
                accountSid: {{Sid}}
                authToken: token
                from: "+3197010000000"
                messagingServiceSid: MG0123456789abcdef0123456789abcdef
            """);

        result.SingleError().AssertAt(6, ["both 'from' and 'messagingServiceSid'"], ["keep one"]);
    }

    [Fact]
    public void A_sender_number_not_in_e164_is_an_error()
    {
        var result = Loading.Load($$"""
            sms:
              twilio: { accountSid: {{Sid}}, authToken: token, from: "097010000000" }
            """);

        result.SingleError().AssertAt(2, ["invalid from '097010000000'", "E.164"], ["+31612345678"]);
    }

    [Fact]
    public void A_messaging_service_and_api_key_are_read_and_secrets_stay_out_of_to_string()
    {
        var twilio = Loading.Load($$"""
            server: { publicUrl: "https://standbyops.example.net/ops" }
            sms:
              provider: twilio
              twilio:
                accountSid: {{Sid}}
                authToken: auth-secret
                messagingServiceSid: MG0123456789abcdef0123456789abcdef
                apiKeySid: SK0123456789abcdef0123456789abcdef
                apiKeySecret: key-secret
                baseUrl: http://127.0.0.1:5099
            """).Valid().Sms.Twilio!;

        Assert.Equal(("MG0123456789abcdef0123456789abcdef", "SK0123456789abcdef0123456789abcdef", "key-secret"), (twilio.MessagingServiceSid, twilio.ApiKeySid, twilio.ApiKeySecret));
        Assert.Equal(new Uri("http://127.0.0.1:5099"), twilio.BaseUrl);
        Assert.DoesNotContain("auth-secret", twilio.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key-secret", twilio.ToString(), StringComparison.Ordinal);
        Assert.Contains(Sid, twilio.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_sid_without_its_secret_is_an_error()
    {
        var result = Loading.Load($$"""
            sms:
              twilio:
                accountSid: {{Sid}}
                authToken: token
                from: "+3197010000000"
                apiKeySid: SK0123456789abcdef0123456789abcdef
            """);

        result.SingleError().AssertAt(6, ["only one of 'apiKeySid' and 'apiKeySecret'"], ["set both"]);
    }

    [Fact]
    public void A_public_url_with_a_path_ends_with_a_slash_so_callback_paths_combine_under_it()
    {
        var config = Loading.Load("server: { publicUrl: \"https://example.net/ops\" }\n").Valid();

        Assert.Equal(new Uri("https://example.net/ops/twilio/sms"), new Uri(config.Server.PublicUrl, "twilio/sms"));
    }
}
