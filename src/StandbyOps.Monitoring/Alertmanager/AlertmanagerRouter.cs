using StandbyOps.Configuration;
using StandbyOps.Configuration.Systems;

namespace StandbyOps.Monitoring.Alertmanager;

/// <summary>
/// Routes an alert to the system whose <c>alertmanager.match</c> labels all equal the alert's labels. A pusher token
/// routes only to its own customer's systems; an admin token (no customer) to any customer's.
/// </summary>
/// <remarks>
/// When several systems match, the one with the most match labels (the most specific) wins, then the first in the
/// configuration. An alert that matches nothing is never dropped: it goes to system <c>unrouted</c> of the token's
/// customer, or of customer <c>unrouted</c> for an admin token. The routes are those of the configuration in force:
/// they are rebuilt when a reload replaced it.
/// </remarks>
public sealed class AlertmanagerRouter
{
    private readonly Func<StandbyOpsConfig> _config;
    private Routes? _routes;

    /// <summary>Creates a router over the systems of <paramref name="config"/> that have match labels.</summary>
    public AlertmanagerRouter(StandbyOpsConfig config)
        : this(() => config)
    {
        ArgumentNullException.ThrowIfNull(config);
    }

    /// <summary>Creates a router over the systems of the configuration <paramref name="config"/> returns, asked at each route so reloads are followed.</summary>
    public AlertmanagerRouter(Func<StandbyOpsConfig> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
    }

    /// <summary>The route of an alert with <paramref name="labels"/>, received with a token of <paramref name="scopeCustomer"/> (null: any customer).</summary>
    public AlertRoute Route(IReadOnlyDictionary<string, string> labels, string? scopeCustomer)
    {
        ArgumentNullException.ThrowIfNull(labels);
        (string Customer, SystemConfig System)? best = null;
        foreach (var entry in Systems)
        {
            if ((scopeCustomer is null || entry.Customer == scopeCustomer)
                && Matches(entry.System.AlertmanagerMatch, labels)
                && (best is null || entry.System.AlertmanagerMatch.Count > best.Value.System.AlertmanagerMatch.Count))
            {
                best = entry;
            }
        }

        return best is { } found
            ? new AlertRoute(found.Customer, found.System.Id)
            : new AlertRoute(scopeCustomer ?? AlertRoute.Unrouted, AlertRoute.Unrouted);
    }

    /// <summary>The systems with match labels in the configuration in force, collected again only when a reload replaced it.</summary>
    private IReadOnlyList<(string Customer, SystemConfig System)> Systems
    {
        get
        {
            var config = _config();
            var routes = Volatile.Read(ref _routes);
            if (routes is null || !ReferenceEquals(routes.Config, config))
            {
                routes = new Routes(config, [.. config.Customers.Values
                    .SelectMany(customer => customer.Systems.Values.Select(system => (customer.Id, system)))
                    .Where(entry => entry.system.AlertmanagerMatch.Count > 0)]);
                Volatile.Write(ref _routes, routes);
            }

            return routes.Systems;
        }
    }

    private static bool Matches(IReadOnlyDictionary<string, string> match, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (name, value) in match)
        {
            if (!labels.TryGetValue(name, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Routes(StandbyOpsConfig Config, IReadOnlyList<(string Customer, SystemConfig System)> Systems);
}
