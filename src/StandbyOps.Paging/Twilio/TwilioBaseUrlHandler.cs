namespace StandbyOps.Paging.Twilio;

/// <summary>
/// Re-targets the Twilio SDK's requests (always addressed to <c>https://api.twilio.com</c>) to the configured
/// <c>sms.twilio.baseUrl</c>: scheme, host and port are replaced and the base URL's path, if any, is put in front.
/// With the default base URL the requests pass unchanged; tests point it at a loopback fake.
/// </summary>
public sealed class TwilioBaseUrlHandler : DelegatingHandler
{
    private readonly Func<Uri> _baseUrl;

    /// <summary>Creates a handler that sends to <paramref name="baseUrl"/>.</summary>
    public TwilioBaseUrlHandler(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var absolute = baseUrl.IsAbsoluteUri ? baseUrl : throw new ArgumentException($"The Twilio base URL '{baseUrl}' is not absolute.", nameof(baseUrl));
        _baseUrl = () => absolute;
    }

    /// <summary>Creates a handler that sends to the base URL <paramref name="baseUrl"/> answers at each request: the configuration's in force.</summary>
    public TwilioBaseUrlHandler(Func<Uri> baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _baseUrl = baseUrl;
    }

    /// <summary>The URL <paramref name="requestUri"/> becomes under <paramref name="baseUrl"/>.</summary>
    public static Uri Retarget(Uri baseUrl, Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(requestUri);
        var builder = new UriBuilder(requestUri)
        {
            Scheme = baseUrl.Scheme,
            Host = baseUrl.Host,
            Port = baseUrl.Port,
            Path = baseUrl.AbsolutePath.TrimEnd('/') + requestUri.AbsolutePath,
        };
        return builder.Uri;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = Retarget(_baseUrl(), uri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
