using StandbyOps.Paging.Dispatch;

namespace StandbyOps.Server.Rota;

/// <summary>Registers the rota: the override store, <see cref="TeamRotas"/> and <see cref="OnCallLookup"/>.</summary>
public static class RotaServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RotaOverrideStore"/> and <see cref="TeamRotas"/>; expects the host's <c>IDatabase</c> and <c>LiveConfig</c>.</summary>
    public static IServiceCollection AddRota(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<RotaOverrideStore>();
        services.AddSingleton<TeamRotas>();
        services.AddSingleton<OnCallLookup>();
        // Paging resolves on-call engineers through the same rota, overrides included.
        services.AddSingleton<IRotaSource>(sp => sp.GetRequiredService<TeamRotas>());
        return services;
    }
}
