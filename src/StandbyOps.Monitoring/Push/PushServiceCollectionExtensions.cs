using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StandbyOps.Configuration;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Monitoring.Alertmanager;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// Registers push ingest and the Alertmanager receiver: <c>services.AddPushIngest()</c>. Needs the server's
/// <c>IDatabase</c>, prometheus-net <c>CollectorRegistry</c>, <c>IClock</c>, Akka's <c>IScheduler</c>, <c>StandbyOpsConfig</c> and an <c>ISignalSink</c> (the incident desk).
/// </summary>
public static class PushServiceCollectionExtensions
{
    public static IServiceCollection AddPushIngest(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The configuration is asked for at each use, so a reload reaches the push rules and the Alertmanager routes.
        services.TryAddSingleton<Func<StandbyOpsConfig>>(sp => () => sp.GetRequiredService<StandbyOpsConfig>());
        services.TryAddSingleton<PushGroupStore>();
        services.TryAddSingleton<PushRuleMonitor>();
        services.TryAddSingleton<PushedMetricsSource>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<PushedMetricsSource>());
        services.TryAddSingleton<PushIngest>();
        services.TryAddSingleton(sp => new AlertmanagerRouter(sp.GetRequiredService<Func<StandbyOpsConfig>>()));
        services.TryAddSingleton<AlertmanagerReceiver>();
        services.AddHostedService<PushIngestService>();
        return services;
    }
}
