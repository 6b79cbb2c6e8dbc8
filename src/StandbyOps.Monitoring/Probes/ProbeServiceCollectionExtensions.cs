using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace StandbyOps.Monitoring.Probes;

/// <summary>Registers the probes: <c>services.AddProbes()</c> (an <see cref="IClock"/> must be registered too).</summary>
public static class ProbeServiceCollectionExtensions
{
    /// <summary>Recycles pooled connections so DNS changes and renewed certificates are seen within this time.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Checks run one request per interval; a few connections per target absorb overlapping runs.</summary>
    public const int MaxConnectionsPerServer = 4;

    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddHttpClient(ProbeFactory.HttpClientName, client =>
            {
                // Each probe enforces its own timeout; the client's 100 s default would only get in the way.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("StandbyOps-Probe/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => CreateHandler(provider.GetRequiredService<IClock>()))
            // The handler recycles its own connections (PooledConnectionLifetime); rotating it as well only costs handshakes.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Monitors log each result; per-request client logs every 30 s per check would drown them.
            .RemoveAllLoggers();

        services.TryAddSingleton<ProbeFactory>();
        return services;
    }

    private static SocketsHttpHandler CreateHandler(IClock clock) => new()
    {
        // A check probes the URL it names: a redirect is reported as its status (list 301/302 in expectStatus
        // to accept it), never followed to a page that may be healthy while the configured one is not.
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = PooledConnectionLifetime,
        MaxConnectionsPerServer = MaxConnectionsPerServer,
        SslOptions = new SslClientAuthenticationOptions
        {
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                CertificateProblem.Describe(errors, certificate, chain, clock.GetCurrentInstant()) is not { } problem
                    ? true
                    : throw new CertificateRejectedException(problem),
        },
    };
}
