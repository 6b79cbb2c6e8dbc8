using StandbyOps.Configuration;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Core.Sla;

namespace StandbyOps.Monitoring.Push;

/// <summary>A configured push rule with the customer and system it belongs to; its dedup key is <c>system/rule</c>.</summary>
public sealed record PushRule(string Customer, string System, PushRuleConfig Config)
{
    /// <summary>The rule id within its system.</summary>
    public string Id => Config.Id;

    /// <summary>The incident dedup key: <c>system/rule</c> (system ids are unique across customers).</summary>
    public string DedupKey => $"{System}/{Config.Id}";

    /// <summary>The rule's priority; the configuration has already defaulted it to the system's criticality.</summary>
    public Priority Priority => Config.Priority;

    /// <summary>Every push rule of the configuration, grouped by customer.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PushRule>> ByCustomer(StandbyOpsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var result = new Dictionary<string, IReadOnlyList<PushRule>>(StringComparer.Ordinal);
        foreach (var customer in config.Customers.Values)
        {
            var rules = customer.Systems.Values
                .SelectMany(system => system.PushRules.Values.Select(rule => new PushRule(customer.Id, system.Id, rule)))
                .ToList();
            if (rules.Count > 0)
            {
                result[customer.Id] = rules;
            }
        }

        return result;
    }
}
