using System.Text.RegularExpressions;

namespace StandbyOps.Configuration.Reading;

/// <summary>Checks for ids, phone numbers, hosts, URLs and Prometheus label names.</summary>
internal static partial class Names
{
    public const string IdFix = "use letters, digits, '-', '_' and '.', starting with a letter or digit (at most 64 characters)";
    public const string PhoneFix = "write the number in E.164 form: '+', country code and number, no spaces, e.g. \"+31612345678\" (quote it)";

    public static bool IsId(string text) => IdPattern().IsMatch(text);

    public static bool IsE164(string text) => E164Pattern().IsMatch(text);

    public static bool IsLabelName(string text) => LabelNamePattern().IsMatch(text) && !text.StartsWith("__", StringComparison.Ordinal);

    public static bool IsMetricName(string text) => MetricNamePattern().IsMatch(text);

    public static Parsed<string> ParseHost(string text)
    {
        var host = text.Trim();
        return host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown
            ? Parsed.Success(host)
            : Parsed.Failure<string>("not a host name or IP address",
                "write a host name or IP address without scheme, port or path, e.g. db.example.net or 10.1.2.3");
    }

    public static Parsed<string> ParsePhone(string text) =>
        IsE164(text.Trim())
            ? Parsed.Success(text.Trim())
            : Parsed.Failure<string>("not an E.164 phone number", PhoneFix);

    public static Parsed<Uri> ParseHttpUrl(string text)
    {
        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
                ? Parsed.Success(uri)
                : Parsed.Failure<Uri>("not an absolute http or https URL", "write a full URL such as https://shop.example.net/health");
    }

    /// <summary>
    /// An HTTP check's URL: an absolute http(s) URL, or a path alone (<c>/healthz</c>), which probes this server itself
    /// on the address it listens on (<c>--urls</c>); the result is then a relative <see cref="Uri"/>.
    /// </summary>
    public static Parsed<Uri> ParseProbeUrl(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return Uri.TryCreate(trimmed, UriKind.Relative, out var path) && !trimmed.Any(char.IsWhiteSpace)
                ? Parsed.Success(path)
                : Parsed.Failure<Uri>("not a URL path", "write a path such as /healthz (this server) or a full URL such as https://shop.example.net/health");
        }

        return ParseHttpUrl(trimmed) is { Ok: true } absolute
            ? absolute
            : Parsed.Failure<Uri>("not an absolute http or https URL, nor a path of this server", "write a full URL such as https://shop.example.net/health, or /healthz to probe this server itself");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Pattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelNamePattern();

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricNamePattern();
}
