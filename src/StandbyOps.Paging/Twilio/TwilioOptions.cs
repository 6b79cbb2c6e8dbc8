using System.Text;
using StandbyOps.Configuration.Sms;

namespace StandbyOps.Paging.Twilio;

/// <summary>Settings for <see cref="TwilioSmsSender"/> and its HTTP pipeline (<c>sms.twilio</c> in standbyops.yaml); <see cref="Validate"/> checks them at start.</summary>
/// <remarks>
/// REST calls authenticate with the API key when <see cref="ApiKeySid"/> is set, otherwise with the
/// Account SID and <see cref="AuthToken"/>. The auth token is needed either way, because Twilio signs
/// webhooks with it. <see cref="ToString"/> never prints a secret.
/// </remarks>
public sealed record TwilioOptions
{
    /// <summary>Twilio's production API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.twilio.com");

    /// <summary>API root; tests point it at a loopback fake.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The account (<c>AC…</c>); always part of the request path.</summary>
    public string AccountSid { get; init; } = string.Empty;

    /// <summary>The account's auth token: REST password without an API key, and the webhook signing key.</summary>
    public string AuthToken { get; init; } = string.Empty;

    /// <summary>Optional API key (<c>SK…</c>) used as the REST username instead of the Account SID.</summary>
    public string? ApiKeySid { get; init; }

    /// <summary>The API key's secret; required with <see cref="ApiKeySid"/>.</summary>
    public string? ApiKeySecret { get; init; }

    /// <summary>Sender number in E.164; this or <see cref="MessagingServiceSid"/> is required.</summary>
    public string? From { get; init; }

    /// <summary>Messaging Service (<c>MG…</c>) that picks the sender.</summary>
    public string? MessagingServiceSid { get; init; }

    /// <summary>Attempts per message, the first included (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Median delay before the first retry; later retries back off exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, also capping a provider's Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>REST username: the API key when configured, else the Account SID.</summary>
    public string Username => ApiKeySid ?? AccountSid;

    /// <summary>REST password matching <see cref="Username"/>.</summary>
    public string Password => ApiKeySid is null ? AuthToken : ApiKeySecret ?? string.Empty;

    /// <summary>The sender's and its HTTP pipeline's settings from <c>sms.twilio</c> (<paramref name="twilio"/>); defaults when Twilio is not configured.</summary>
    public static TwilioOptions Of(TwilioConfig? twilio) => twilio is null
        ? new TwilioOptions()
        : new TwilioOptions
        {
            BaseUrl = twilio.BaseUrl,
            AccountSid = twilio.AccountSid,
            AuthToken = twilio.AuthToken,
            From = twilio.From,
            MessagingServiceSid = twilio.MessagingServiceSid,
            ApiKeySid = twilio.ApiKeySid,
            ApiKeySecret = twilio.ApiKeySecret,
        };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is missing or out of range.</summary>
    public TwilioOptions Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(nameof(BaseUrl), $"must be an absolute http(s) URL, not '{BaseUrl}'");
        }

        if (!AccountSid.StartsWith("AC", StringComparison.Ordinal) || AccountSid.Length < 4)
        {
            throw Invalid(nameof(AccountSid), "must be an Account SID starting with 'AC'");
        }

        if (string.IsNullOrEmpty(AuthToken))
        {
            throw Invalid(nameof(AuthToken), "is required (it also verifies webhook signatures)");
        }

        if (ApiKeySid is not null && (!ApiKeySid.StartsWith("SK", StringComparison.Ordinal) || string.IsNullOrEmpty(ApiKeySecret)))
        {
            throw Invalid(nameof(ApiKeySid), "must start with 'SK' and come with ApiKeySecret");
        }

        if (string.IsNullOrEmpty(From) && string.IsNullOrEmpty(MessagingServiceSid))
        {
            throw Invalid(nameof(From), "or MessagingServiceSid is required");
        }

        if (MaxAttempts < 1)
        {
            throw Invalid(nameof(MaxAttempts), "must be at least 1");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromDays(1))
        {
            throw Invalid(nameof(BaseDelay), "must be non-negative and at most MaxDelay (at most one day)");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw Invalid(nameof(Timeout), "must be positive");
        }

        return this;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"BaseUrl = {BaseUrl}, AccountSid = {AccountSid}, AuthToken = ***, ApiKeySid = {ApiKeySid}, ");
        builder.Append($"From = {From}, MessagingServiceSid = {MessagingServiceSid}, MaxAttempts = {MaxAttempts}, ");
        builder.Append($"BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, Timeout = {Timeout}");
        return true;
    }

    private static ArgumentException Invalid(string setting, string problem) => new($"sms.twilio: {setting} {problem}.", setting);
}
