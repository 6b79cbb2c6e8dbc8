using Microsoft.AspNetCore.Http;
using Twilio.Security;

namespace StandbyOps.Paging.Twilio;

/// <summary>Checks the <c>X-Twilio-Signature</c> of a form-encoded webhook with the SDK's <see cref="RequestValidator"/>.</summary>
public static class TwilioWebhookSignature
{
    /// <summary>The header Twilio signs webhooks in.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>
    /// Whether <paramref name="signature"/> is Twilio's signature with <paramref name="authToken"/> over <paramref name="url"/>
    /// (the public URL Twilio called) and <paramref name="form"/>; false when the signature is missing.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            // A repeated key makes the form ambiguous to the validator; such a webhook is not Twilio's SMS webhook.
            if (!parameters.TryAdd(key, value))
            {
                return false;
            }
        }

        return new RequestValidator(authToken).Validate(url, parameters, signature);
    }

    /// <summary>Checks an ASP.NET Core form; a field with several values is refused.</summary>
    public static bool IsValid(string authToken, string url, IFormCollection form, string? signature)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.All(f => f.Value.Count <= 1)
            && IsValid(authToken, url, form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())), signature);
    }
}
