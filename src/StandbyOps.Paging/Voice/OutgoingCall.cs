using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Voice;

/// <summary>
/// One call to place: E.164 recipient, the URL the provider fetches the call's TwiML from, the URL it reports the call's
/// status to, and a key naming the call (the page id).
/// </summary>
public sealed record OutgoingCall
{
    /// <summary>Creates a call; both URLs must be absolute http(s).</summary>
    public OutgoingCall(string to, string twimlUrl, string statusCallbackUrl, string idempotencyKey)
    {
        To = PhoneNumber.Normalize(to);
        TwimlUrl = CheckUrl(twimlUrl, nameof(twimlUrl));
        StatusCallbackUrl = CheckUrl(statusCallbackUrl, nameof(statusCallbackUrl));
        IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey)
            ? throw new ArgumentException("A call needs a non-empty idempotency key.", nameof(idempotencyKey))
            : idempotencyKey;
    }

    /// <summary>The recipient in E.164.</summary>
    public string To { get; }

    /// <summary>Where the provider fetches what the call says and does.</summary>
    public Uri TwimlUrl { get; }

    /// <summary>Where the provider reports the call's status.</summary>
    public Uri StatusCallbackUrl { get; }

    /// <summary>Non-empty key naming this call.</summary>
    public string IdempotencyKey { get; }

    private static Uri CheckUrl(string url, string name) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ArgumentException($"The call URL '{url}' is not an absolute http(s) URL.", name);
}
