using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace StandbyOps.Paging.Twilio;

/// <summary>Computes and checks Twilio's <c>X-Twilio-Signature</c> webhook signature (PROTOCOLS.md §3).</summary>
/// <remarks>
/// The signed string is the URL exactly as Twilio called it (no re-encoding, no case changes),
/// followed by every form parameter as <c>name + value</c>, names sorted ordinally.
/// A repeated name follows twilio-node: its distinct values are sorted ordinally and each is
/// appended as <c>name + value</c>. (The C# SDK joins them with commas through
/// <c>NameValueCollection</c>, which is .NET behaviour rather than Twilio's.)
/// Validation accepts the URL as given and its port variant: the scheme's default port inserted
/// when none is written, or the written port removed — as both Twilio SDKs do.
/// </remarks>
public static class TwilioSignature
{
    /// <summary>The request header Twilio puts the signature in.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>The query parameter Twilio adds to JSON-body webhooks.</summary>
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>Signs <paramref name="url"/> plus form <paramref name="parameters"/> the way Twilio does.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        CheckToken(authToken);
        ArgumentNullException.ThrowIfNull(url);
        return Sign(authToken, url, Canonicalize(parameters ?? []));
    }

    /// <summary>True when <paramref name="signature"/> signs a form POST to <paramref name="url"/> with these parameters.</summary>
    public static bool Validate(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        CheckToken(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        return signature is not null && Matches(authToken, url, Canonicalize(parameters), signature);
    }

    /// <summary>The same check for an ASP.NET form (<c>IFormCollection</c>), repeated keys included.</summary>
    public static bool Validate(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> form, string? signature)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Validate(authToken, url, Flatten(form), signature);
    }

    /// <summary>
    /// Checks a JSON-body webhook: the signature covers the URL alone (which must carry
    /// <c>bodySHA256</c>), and the body must hash to that value.
    /// </summary>
    public static bool ValidateJsonBody(string authToken, string url, string body, string? signature)
    {
        CheckToken(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        var bodyHash = FindQueryValue(url, BodyHashParameter);
        return signature is not null
            && bodyHash is not null
            && Matches(authToken, url, string.Empty, signature)
            && ValidateBodyHash(body, bodyHash);
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 body, as Twilio puts in <c>bodySHA256</c>.</summary>
    public static string ComputeBodyHash(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>True when the body hashes to <paramref name="expectedHex"/> (hex case ignored).</summary>
    public static bool ValidateBodyHash(string body, string expectedHex)
    {
        ArgumentNullException.ThrowIfNull(expectedHex);
        return FixedTimeEquals(ComputeBodyHash(body), expectedHex.ToLowerInvariant());
    }

    private static bool Matches(string authToken, string url, string canonicalParameters, string signature)
    {
        if (FixedTimeEquals(Sign(authToken, url, canonicalParameters), signature))
        {
            return true;
        }

        var variant = PortVariant(url);
        return variant is not null && FixedTimeEquals(Sign(authToken, variant, canonicalParameters), signature);
    }

    private static string Sign(string authToken, string url, string canonicalParameters)
    {
        var message = Encoding.UTF8.GetBytes(url + canonicalParameters);
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), message);
        return Convert.ToBase64String(mac);
    }

    private static string Canonicalize(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var byName = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(parameters));
            if (!byName.TryGetValue(name, out var values))
            {
                values = new SortedSet<string>(StringComparer.Ordinal);
                byName.Add(name, values);
            }

            // Twilio treats a parameter without a value as the empty string.
            values.Add(value ?? string.Empty);
        }

        var builder = new StringBuilder();
        foreach (var (name, values) in byName)
        {
            foreach (var value in values)
            {
                builder.Append(name).Append(value);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string>> Flatten(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        foreach (var (name, values) in form)
        {
            if (values.Count == 0)
            {
                yield return new(name, string.Empty);
            }

            foreach (var value in values)
            {
                yield return new(name, value ?? string.Empty);
            }
        }
    }

    /// <summary>
    /// The URL with its default port inserted, or with its explicit port removed, keeping the
    /// original text of scheme, userinfo and host; null when the URL has no recognisable authority.
    /// </summary>
    /// <remarks>Works on the string because <see cref="Uri"/> lowercases the host, which would change the signature.</remarks>
    private static string? PortVariant(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        if (hostStart == 0)
        {
            hostStart = authorityStart;
        }

        // An IPv6 literal contains colons of its own; only a colon after its ']' starts a port.
        var ipv6End = url.IndexOf(']', hostStart, authorityEnd - hostStart);
        var searchFrom = ipv6End >= 0 ? ipv6End : hostStart;
        var portColon = url.IndexOf(':', searchFrom, authorityEnd - searchFrom);

        if (portColon >= 0)
        {
            return string.Concat(url.AsSpan(0, portColon), url.AsSpan(authorityEnd));
        }

        var scheme = url[..schemeEnd];
        var defaultPort = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? ":80"
            : null;
        return defaultPort is null
            ? null
            : string.Concat(url.AsSpan(0, authorityEnd), defaultPort, url.AsSpan(authorityEnd));
    }

    private static string? FindQueryValue(string url, string name)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var fragmentStart = url.IndexOf('#', queryStart);
        var query = fragmentStart < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..fragmentStart];
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (key == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static void CheckToken(string authToken)
    {
        if (string.IsNullOrEmpty(authToken))
        {
            throw new ArgumentException("The Twilio auth token must not be empty.", nameof(authToken));
        }
    }
}
