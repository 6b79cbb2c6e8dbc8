using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk;

/// <summary>Registers the service desk. Expects the host's <c>IDatabase</c>, <c>IClock</c>, <c>StandbyOpsConfig</c> and the incident desk.</summary>
public static class DeskServiceCollectionExtensions
{
    /// <summary>Adds <see cref="TicketDesk"/>.</summary>
    public static IServiceCollection AddDesk(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The configuration is asked for at each use, so a reload is followed.
        services.AddSingleton(sp => new TicketDesk(
            sp.GetRequiredService<IDatabase>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<IncidentDesk>(), () => sp.GetRequiredService<StandbyOpsConfig>()));
        return services;
    }
}
