using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton<PushGroupStore>();
        services.TryAddSingleton<PushRuleMonitor>();
        services.TryAddSingleton<PushedMetricsSource>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<PushedMetricsSource>());
        services.TryAddSingleton<PushIngest>();
        services.TryAddSingleton<AlertmanagerRouter>();
        services.TryAddSingleton<AlertmanagerReceiver>();
        services.AddHostedService<PushIngestService>();
        return services;
    }
}
