namespace StandbyOps.Paging.Sms;

/// <summary>One text to send: E.164 recipient, body, optional delivery-status callback, and a key that identifies the send.</summary>
/// <remarks>
/// The <see cref="IdempotencyKey"/> names the send (e.g. page id) so that a sender asked twice for the
/// same key can recognise the repeat; see each <see cref="ISmsSender"/> for what it does with it.
/// </remarks>
public sealed record OutgoingSms(string To, string Body, string? StatusCallbackUrl, string IdempotencyKey)
{
    /// <summary>Twilio's limit for one message body, in characters.</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>The recipient, normalized to E.164.</summary>
    public string To { get; init; } = PhoneNumber.Normalize(To);

    /// <summary>The text; 1–<see cref="MaxBodyLength"/> characters.</summary>
    public string Body { get; init; } = CheckBody(Body);

    /// <summary>Absolute http(s) URL the provider reports delivery status to, or null.</summary>
    public string? StatusCallbackUrl { get; init; } = CheckCallback(StatusCallbackUrl);

    /// <summary>Non-empty key naming this send.</summary>
    public string IdempotencyKey { get; init; } = string.IsNullOrWhiteSpace(IdempotencyKey)
        ? throw new ArgumentException("An SMS needs a non-empty idempotency key.", nameof(IdempotencyKey))
        : IdempotencyKey;

    private static string CheckBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length is 0 or > MaxBodyLength)
        {
            throw new ArgumentException($"An SMS body must have 1-{MaxBodyLength} characters, not {body.Length}.", nameof(body));
        }

        return body;
    }

    private static string? CheckCallback(string? url)
    {
        if (url is null)
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new ArgumentException($"The status callback '{url}' is not an absolute http(s) URL.", nameof(url));
    }
}
