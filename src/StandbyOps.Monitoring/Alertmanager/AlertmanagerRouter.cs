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
/// customer, or of customer <c>unrouted</c> for an admin token.
/// </remarks>
public sealed class AlertmanagerRouter
{
    private readonly IReadOnlyList<(string Customer, SystemConfig System)> _systems;

    /// <summary>Creates a router over the systems of <paramref name="config"/> that have match labels.</summary>
    public AlertmanagerRouter(StandbyOpsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _systems = [.. config.Customers.Values
            .SelectMany(customer => customer.Systems.Values.Select(system => (customer.Id, system)))
            .Where(entry => entry.system.AlertmanagerMatch.Count > 0)];
    }

    /// <summary>The route of an alert with <paramref name="labels"/>, received with a token of <paramref name="scopeCustomer"/> (null: any customer).</summary>
    public AlertRoute Route(IReadOnlyDictionary<string, string> labels, string? scopeCustomer)
    {
        ArgumentNullException.ThrowIfNull(labels);
        (string Customer, SystemConfig System)? best = null;
        foreach (var entry in _systems)
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
}
