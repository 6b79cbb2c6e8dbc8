using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StandbyOps.Paging.Twilio;

/// <summary>Registers the <see cref="IHttpClientFactory"/> client the Twilio SDK sends through.</summary>
public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="TwilioSmsSender.HttpClientName"/> client: the factory's logging, then retries and per-attempt
    /// timeouts (<see cref="TwilioRetryHandler"/>), then re-targeting to the configured base URL
    /// (<see cref="TwilioBaseUrlHandler"/>), over a handler that follows no redirects. Reads <see cref="TwilioOptions"/> from the container (the base URL at each request, so a transient registration follows a reload).
    /// </summary>
    public static IHttpClientBuilder AddTwilioHttpClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddHttpClient(TwilioSmsSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler(sp => new TwilioRetryHandler(sp.GetRequiredService<TwilioOptions>(), sp.GetRequiredService<ILogger<TwilioRetryHandler>>()))
            .AddHttpMessageHandler(sp => new TwilioBaseUrlHandler(() => sp.GetRequiredService<TwilioOptions>().BaseUrl));
    }
}
