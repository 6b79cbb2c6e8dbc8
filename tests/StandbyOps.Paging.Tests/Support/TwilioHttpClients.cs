using Microsoft.Extensions.DependencyInjection;
using StandbyOps.Paging.Twilio;

namespace StandbyOps.Paging.Tests.Support;

/// <summary>The real <see cref="IHttpClientFactory"/> with the production Twilio pipeline (retries, timeouts, re-targeting) for <paramref name="options"/>.</summary>
public sealed class TwilioHttpClients(TwilioOptions options) : IDisposable
{
    private readonly ServiceProvider _services = Build(options);

    public IHttpClientFactory Factory => _services.GetRequiredService<IHttpClientFactory>();

    public TwilioSmsSender Sender(ListLogger<TwilioSmsSender> logger) => new(Factory, options, logger);

    public TwilioCallSender CallSender(ListLogger<TwilioCallSender> logger) => new(Factory, options, logger);

    public void Dispose() => _services.Dispose();

    private static ServiceProvider Build(TwilioOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(options);
        services.AddTwilioHttpClient();
        return services.BuildServiceProvider();
    }
}
