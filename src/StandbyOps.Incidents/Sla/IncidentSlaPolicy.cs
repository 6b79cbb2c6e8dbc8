using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Contracts;

namespace StandbyOps.Incidents.Sla;

/// <summary>
/// The SLA deadlines of a new incident from its customer's contract (DOMAIN.md "SLA deadlines", "Standby
/// response"): business-time targets walk the customer's calendar; inside agreed standby (recurring coverage or a
/// one-off period from <see cref="IStandbyPeriodSource"/>) the response is due at the earlier of the contract's
/// rule and the standby response time. A customer that is not configured (e.g. Alertmanager's <c>unrouted</c>)
/// or whose contract cannot be built has no deadlines. Follows configuration reloads: the contracts are rebuilt
/// the first time a different configuration object is seen.
/// </summary>
public sealed class IncidentSlaPolicy
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private readonly Func<StandbyOpsConfig> _currentConfig;
    private readonly IStandbyPeriodSource _periods;
    private Contracts _contracts;

    public IncidentSlaPolicy(StandbyOpsConfig config, IStandbyPeriodSource periods)
        : this(() => config, periods)
    {
    }

    /// <param name="currentConfig">Returns the configuration in force (a new object after each reload).</param>
    /// <param name="periods">One-off agreed standby periods.</param>
    public IncidentSlaPolicy(Func<StandbyOpsConfig> currentConfig, IStandbyPeriodSource periods)
    {
        _currentConfig = currentConfig ?? throw new ArgumentNullException(nameof(currentConfig));
        _periods = periods ?? throw new ArgumentNullException(nameof(periods));
        _contracts = Contracts.Build(currentConfig());
    }

    /// <summary>Why some customers get no deadlines (empty when all contracts were built).</summary>
    public IReadOnlyList<string> Problems => Current.Problems;

    /// <summary>The contract of <paramref name="customer"/>, or null when it has none.</summary>
    public CustomerContract? ContractOf(string customer) => Current.ByCustomer.GetValueOrDefault(customer);

    /// <summary>Whether <paramref name="customer"/> is inside agreed standby at <paramref name="at"/>; false for unknown customers.</summary>
    public async Task<bool> IsInsideAgreedStandbyAsync(string customer, Instant at, CancellationToken cancellationToken = default)
    {
        if (ContractOf(customer) is not { } contract)
        {
            return false;
        }

        // Agreed standby is measured on the minute grid, so the minute around the instant is all that matters.
        var periods = await _periods.PeriodsAsync(customer, new Interval(at - Minute, at + Minute), cancellationToken).ConfigureAwait(false);
        return contract.IsInsideAgreedStandby(at, periods);
    }

    /// <summary>The deadlines of an incident of <paramref name="customer"/> and <paramref name="priority"/> opened at <paramref name="openedAt"/>.</summary>
    public async Task<SlaDeadlines> DeadlinesAsync(string customer, Priority priority, Instant openedAt, CancellationToken cancellationToken = default)
    {
        if (ContractOf(customer) is not { } contract)
        {
            return new SlaDeadlines(null, null);
        }

        var inside = await IsInsideAgreedStandbyAsync(customer, openedAt, cancellationToken).ConfigureAwait(false);
        return contract.DeadlinesFor(priority, openedAt, inside);
    }

    private Contracts Current
    {
        get
        {
            var config = _currentConfig();
            var contracts = Volatile.Read(ref _contracts);
            if (ReferenceEquals(contracts.Config, config))
            {
                return contracts;
            }

            contracts = Contracts.Build(config);
            Volatile.Write(ref _contracts, contracts);
            return contracts;
        }
    }

    /// <summary>The contracts of one configuration; replaced whole, so readers never see a half-built set.</summary>
    private sealed record Contracts(StandbyOpsConfig Config, IReadOnlyDictionary<string, CustomerContract> ByCustomer, IReadOnlyList<string> Problems)
    {
        public static Contracts Build(StandbyOpsConfig config)
        {
            ArgumentNullException.ThrowIfNull(config);
            var byCustomer = new Dictionary<string, CustomerContract>(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (var customer in config.Customers.Values)
            {
                try
                {
                    byCustomer[customer.Id] = CustomerContract.FromConfig(config, customer);
                }
                catch (ArgumentException ex)
                {
                    // A contract the domain rejects must not stop incidents from opening; they open without deadlines.
                    problems.Add($"Customer '{customer.Id}' gets no SLA deadlines: {ex.Message}");
                }
            }

            return new Contracts(config, byCustomer, problems);
        }
    }
}
