using NodaTime;
using StandbyOps.Monitoring.History;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.History;

/// <summary>Registers check history: the store, the recorder the status board hands results to, and its background job.</summary>
public static class HistoryServiceCollectionExtensions
{
    /// <summary>Adds check history.</summary>
    public static IServiceCollection AddCheckHistory(this IServiceCollection services)
    {
        services.AddSingleton<CheckHistoryStore>();
        services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<LiveConfig>();
            return new CheckHistoryRecorder(sp.GetRequiredService<CheckHistoryStore>(), sp.GetRequiredService<IClock>(),
                (systemId, checkId) => SystemMembership.Counts(config.Current, systemId, checkId));
        });
        services.AddSingleton<IMonitorHistory>(sp => sp.GetRequiredService<CheckHistoryRecorder>());
        services.AddHostedService<CheckHistoryService>();
        return services;
    }
}
