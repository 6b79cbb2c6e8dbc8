using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Closing;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Sla;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Incidents;

/// <summary>Registers the incident desk. Expects the host's <c>IDatabase</c>, <c>IClock</c>, prometheus-net <c>CollectorRegistry</c> and <c>StandbyOpsConfig</c>.</summary>
public static class IncidentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IncidentDesk"/>, its SLA policy, metrics, intent handlers and start-up work. Default
    /// <see cref="IStandbyPeriodSource"/> and <see cref="IIncidentPagesSource"/> are empty; register real ones to replace them.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, Action<IncidentDeskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new IncidentDeskOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.TryAddSingleton<IStandbyPeriodSource, NoStandbyPeriods>();
        services.TryAddSingleton<IIncidentPagesSource, NoIncidentPages>();
        // The configuration is asked for at each use, so a host that reloads it (a transient registration) is followed.
        services.AddSingleton(sp => new IncidentSlaPolicy(() => sp.GetRequiredService<StandbyOpsConfig>(), sp.GetRequiredService<IStandbyPeriodSource>()));
        services.AddSingleton<IncidentMetrics>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<IncidentDesk>(sp, Deferred(sp), DeferredInTransaction(sp)));
        services.AddSingleton<IIntentHandler>(sp => new SlaDeadlineHandler(sp.GetRequiredService<IncidentDesk>(), SlaKind.Response));
        services.AddSingleton<IIntentHandler>(sp => new SlaDeadlineHandler(sp.GetRequiredService<IncidentDesk>(), SlaKind.Resolution));
        services.AddSingleton<IIntentHandler>(sp => new SlaWarningHandler(sp.GetRequiredService<IncidentDesk>(), SlaKind.Response));
        services.AddSingleton<IIntentHandler>(sp => new SlaWarningHandler(sp.GetRequiredService<IncidentDesk>(), SlaKind.Resolution));
        services.AddSingleton<IIntentHandler>(sp => new AutoCloseHandler(sp.GetRequiredService<IncidentDesk>()));
        services.AddHostedService<IncidentDeskStartup>();
        return services;
    }

    /// <summary>Resolved at each enumeration, so an observer (paging) may depend on the desk without a cycle.</summary>
    private static IEnumerable<IIncidentObserver> Deferred(IServiceProvider services)
    {
        foreach (var observer in services.GetServices<IIncidentObserver>())
        {
            yield return observer;
        }
    }

    /// <summary>Resolved at each enumeration, as <see cref="Deferred"/> is.</summary>
    private static IEnumerable<IIncidentTransactionObserver> DeferredInTransaction(IServiceProvider services)
    {
        foreach (var observer in services.GetServices<IIncidentTransactionObserver>())
        {
            yield return observer;
        }
    }
}
