using StandbyOps.Paging.Twilio;

namespace StandbyOps.Paging.Tests.Twilio;

public sealed class TwilioOptionsTests
{
    private static readonly TwilioOptions Valid = new()
    {
        AccountSid = "AC0123456789abcdef0123456789abcdef",
        AuthToken = "token-that-must-not-leak",
        ApiKeySid = "SK0123456789abcdef0123456789abcdef",
        ApiKeySecret = "secret-that-must-not-leak",
        From = "+3197010000000",
    };

    [Fact]
    public void Printing_the_options_hides_the_secrets()
    {
        var text = Valid.ToString();

        Assert.DoesNotContain("token-that-must-not-leak", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-that-must-not-leak", text, StringComparison.Ordinal);
        Assert.Contains(Valid.AccountSid, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_replaces_the_account_as_rest_credentials()
    {
        Assert.Equal((Valid.ApiKeySid, Valid.ApiKeySecret), (Valid.Username, Valid.Password));
        var plain = Valid with { ApiKeySid = null, ApiKeySecret = null };
        Assert.Equal((plain.AccountSid, plain.AuthToken), (plain.Username, plain.Password));
    }

    public static TheoryData<string, TwilioOptions> InvalidOptions => new()
    {
        { nameof(TwilioOptions.AccountSid), Valid with { AccountSid = "XX123" } },
        { nameof(TwilioOptions.AuthToken), Valid with { AuthToken = string.Empty } },
        { nameof(TwilioOptions.ApiKeySid), Valid with { ApiKeySecret = null } },
        { nameof(TwilioOptions.From), Valid with { From = null } },
        { nameof(TwilioOptions.MaxAttempts), Valid with { MaxAttempts = 0 } },
        { nameof(TwilioOptions.BaseDelay), Valid with { BaseDelay = TimeSpan.FromSeconds(20) } },
        { nameof(TwilioOptions.Timeout), Valid with { Timeout = TimeSpan.Zero } },
        { nameof(TwilioOptions.BaseUrl), Valid with { BaseUrl = new Uri("ftp://api.twilio.com") } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validation_names_the_bad_setting(string setting, TwilioOptions options) =>
        Assert.Equal(setting, Assert.Throws<ArgumentException>(() => options.Validate()).ParamName);

    [Fact]
    public void Valid_options_pass_validation() => Assert.Same(Valid, Valid.Validate());
}
