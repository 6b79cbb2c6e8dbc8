using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Monitoring.Signals;
using StandbyOps.Storage.Database;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// Evaluates the push rules of a customer against its groups (after each push, and periodically for
/// <c>for</c> and <c>absentFor</c>), delivers failures and recoveries to the <see cref="ISignalSink"/>, and
/// keeps each rule's state in the store. One customer's evaluations are serialized. The rules are those of the
/// configuration in force: they are rebuilt when a reload replaced it.
/// </summary>
/// <remarks>
/// A state is written after its signal is delivered, and a rule only counts as firing once the sink accepted the
/// failure: a sink error or a crash in between makes the next evaluation deliver it again (the desk deduplicates).
/// </remarks>
public sealed partial class PushRuleMonitor
{
    private readonly Func<StandbyOpsConfig> _config;
    private readonly PushGroupStore _groups;
    private readonly IDatabase _database;
    private readonly ISignalSink _sink;
    private readonly IClock _clock;
    private readonly ILogger<PushRuleMonitor> _logger;
    private readonly ConcurrentDictionary<string, PushRuleState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly LoadOnce _load;
    private RuleSet? _rules;

    /// <summary>Creates the monitor for the push rules of the configuration <paramref name="config"/> returns, asked at each evaluation so reloads are followed.</summary>
    public PushRuleMonitor(Func<StandbyOpsConfig> config, PushGroupStore groups, IDatabase database, ISignalSink sink, IClock clock, ILogger<PushRuleMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _config = config;
        _groups = groups;
        _database = database;
        _sink = sink;
        _clock = clock;
        _logger = logger;
        _load = new LoadOnce(ReadStatesAsync);
    }

    /// <summary>The customers that have push rules.</summary>
    public IEnumerable<string> Customers => Rules.Keys;

    /// <summary>The state of rule <paramref name="rule"/> of <paramref name="system"/>, or null before its first evaluation.</summary>
    public PushRuleState? StateOf(string system, string rule) => _states.GetValueOrDefault($"{system}/{rule}");

    /// <summary>Reads the rule states an earlier run kept; later calls return at once.</summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) =>
        _load.EnsureAsync(cancellationToken);

    private async Task ReadStatesAsync(CancellationToken cancellationToken)
    {
        var rows = await _database.ReadAsync(static c => c.QueryAsync<StateRow>(
            "SELECT system_id AS SystemId, rule_id AS RuleId, threshold_since AS ThresholdSince, missing_since AS MissingSince, firing FROM push_rule_states"),
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            _states[$"{row.SystemId}/{row.RuleId}"] = new PushRuleState(
                row.SystemId,
                row.RuleId,
                row.ThresholdSince is null ? null : InstantTypeHandler.Parse(row.ThresholdSince),
                row.MissingSince is null ? null : InstantTypeHandler.Parse(row.MissingSince),
                row.Firing != 0);
        }
    }

    /// <summary>Evaluates every rule of every customer now.</summary>
    public async Task EvaluateAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var customer in Rules.Keys)
        {
            await EvaluateAsync(customer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Evaluates the rules of <paramref name="customer"/> against its groups now; returns the outcomes that carried a signal.</summary>
    public async Task<IReadOnlyList<PushRuleOutcome>> EvaluateAsync(string customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (!Rules.TryGetValue(customer, out var rules))
        {
            return [];
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        await _groups.LoadAsync(cancellationToken).ConfigureAwait(false);
        var gate = _locks.GetOrAdd(customer, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _clock.GetCurrentInstant();
            var groups = _groups.GroupsOf(customer);
            var changed = new List<PushRuleState>();
            var delivered = new List<PushRuleOutcome>();
            foreach (var rule in rules)
            {
                var previous = _states.GetValueOrDefault(rule.DedupKey);
                var outcome = PushRuleEvaluator.Evaluate(rule, groups, previous, now);
                var next = outcome.State;
                if (outcome.HasSignal)
                {
                    if (await DeliverAsync(outcome, cancellationToken).ConfigureAwait(false))
                    {
                        delivered.Add(outcome);
                    }
                    else
                    {
                        next = next with { Firing = !next.Firing };
                    }
                }

                if (next != (previous ?? PushRuleState.Initial(rule)))
                {
                    changed.Add(next);
                }
            }

            if (changed.Count > 0)
            {
                await SaveAsync(customer, changed, now, cancellationToken).ConfigureAwait(false);
                foreach (var state in changed)
                {
                    _states[$"{state.System}/{state.Rule}"] = state;
                }
            }

            return delivered;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The push rules of the configuration in force, built again only when a reload replaced it.</summary>
    private IReadOnlyDictionary<string, IReadOnlyList<PushRule>> Rules
    {
        get
        {
            var config = _config();
            var rules = Volatile.Read(ref _rules);
            if (rules is null || !ReferenceEquals(rules.Config, config))
            {
                rules = new RuleSet(config, PushRule.ByCustomer(config));
                Volatile.Write(ref _rules, rules);
            }

            return rules.ByCustomer;
        }
    }

    private async Task<bool> DeliverAsync(PushRuleOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            if (outcome.Failure is { } failure)
            {
                await _sink.FailAsync(failure, cancellationToken).ConfigureAwait(false);
                LogFailing(outcome.Rule.DedupKey, failure.Reason);
            }
            else if (outcome.Recovery is { } recovery)
            {
                await _sink.RecoverAsync(recovery, cancellationToken).ConfigureAwait(false);
                LogRecovered(outcome.Rule.DedupKey);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeliveryFailed(e, outcome.Rule.DedupKey);
            return false;
        }
    }

    private Task SaveAsync(string customer, List<PushRuleState> states, Instant now, CancellationToken cancellationToken) =>
        _database.WriteAsync((c, t) => c.ExecuteAsync(
            """
            INSERT INTO push_rule_states (system_id, rule_id, customer, threshold_since, missing_since, firing, changed_at)
            VALUES (@System, @Rule, @Customer, @ThresholdSince, @MissingSince, @Firing, @Now)
            ON CONFLICT (system_id, rule_id) DO UPDATE SET
                customer = excluded.customer, threshold_since = excluded.threshold_since, missing_since = excluded.missing_since,
                firing = excluded.firing, changed_at = excluded.changed_at
            """,
            states.Select(s => new
            {
                s.System,
                s.Rule,
                Customer = customer,
                ThresholdSince = s.ThresholdSince is { } since ? InstantTypeHandler.Format(since) : null,
                MissingSince = s.MissingSince is { } missing ? InstantTypeHandler.Format(missing) : null,
                Firing = s.Firing ? 1 : 0,
                Now = InstantTypeHandler.Format(now),
            }),
            t), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push rule {Rule} fails: {Reason}")]
    private partial void LogFailing(string rule, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push rule {Rule} recovered")]
    private partial void LogRecovered(string rule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Push rule {Rule} changed, but the incident desk did not take the signal; the next evaluation retries")]
    private partial void LogDeliveryFailed(Exception exception, string rule);

    private sealed record RuleSet(StandbyOpsConfig Config, IReadOnlyDictionary<string, IReadOnlyList<PushRule>> ByCustomer);

    private sealed record StateRow(string SystemId, string RuleId, string? ThresholdSince, string? MissingSince, long Firing);
}
