using System.Collections.Concurrent;
using System.Data.Common;
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
/// On several nodes every node evaluates, and the store decides who does: an evaluation claims the customer's
/// <c>push_rule_claims</c> row (<see cref="IDatabase.ClaimAsync{T}"/>, <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL), reads the
/// groups and the rule states as stored, and writes the states it changed in the claim's transaction. A node that finds
/// the row held skips that round; the next tick evaluates again.
/// A state is written after its signal is delivered, and a rule only counts as firing once the sink accepted the
/// failure: a sink error or a crash in between makes the next evaluation deliver it again (the desk deduplicates).
/// </remarks>
public sealed partial class PushRuleMonitor
{
    private const string StateSelect =
        "SELECT system_id AS SystemId, rule_id AS RuleId, threshold_since AS ThresholdSince, missing_since AS MissingSince, firing FROM push_rule_states";

    private readonly Func<StandbyOpsConfig> _config;
    private readonly PushGroupStore _groups;
    private readonly IDatabase _database;
    private readonly ISignalSink _sink;
    private readonly IClock _clock;
    private readonly ILogger<PushRuleMonitor> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _claimRows = new(StringComparer.Ordinal);
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
    }

    /// <summary>The customers that have push rules.</summary>
    public IEnumerable<string> Customers => Rules.Keys;

    /// <summary>The stored state of rule <paramref name="rule"/> of <paramref name="system"/>, or null before its first evaluation.</summary>
    public Task<PushRuleState?> StateOfAsync(string system, string rule, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<StateRow>(
            StateSelect + " WHERE system_id = @system AND rule_id = @rule", new { system, rule }).ConfigureAwait(false))?.ToState(), cancellationToken);

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

        await _groups.LoadAsync(cancellationToken).ConfigureAwait(false);
        await EnsureClaimRowAsync(customer, cancellationToken).ConfigureAwait(false);
        var gate = _locks.GetOrAdd(customer, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _database.ClaimAsync(async (c, t) =>
            {
                // Another node evaluating this customer holds the row: it delivers whatever is due, this node skips.
                if (await c.ExecuteScalarAsync<string?>("SELECT customer FROM push_rule_claims WHERE customer = @customer" + _database.RowClaim,
                    new { customer }, t).ConfigureAwait(false) is null)
                {
                    return [];
                }

                var groups = await _groups.SyncAsync(customer, c, t).ConfigureAwait(false);
                var states = await ReadStatesAsync(c, t, customer).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                var changed = new List<PushRuleState>();
                var delivered = new List<PushRuleOutcome>();
                foreach (var rule in rules)
                {
                    var previous = states.GetValueOrDefault(rule.DedupKey);
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
                    if (t is null)
                    {
                        await _database.WriteAsync((wc, wt) => SaveAsync(wc, wt, customer, changed, now), cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await SaveAsync(c, t, customer, changed, now).ConfigureAwait(false);
                    }
                }

                return (IReadOnlyList<PushRuleOutcome>)delivered;
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes the row the customer's evaluations claim, once per customer and process (a claim never inserts).</summary>
    private async Task EnsureClaimRowAsync(string customer, CancellationToken cancellationToken)
    {
        if (_claimRows.ContainsKey(customer))
        {
            return;
        }

        await _database.WriteAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO push_rule_claims (customer) VALUES (@customer) ON CONFLICT (customer) DO NOTHING", new { customer }, t), cancellationToken).ConfigureAwait(false);
        _claimRows[customer] = true;
    }

    /// <summary>The customer's rule states as stored (another node may have evaluated since).</summary>
    private async Task<Dictionary<string, PushRuleState>> ReadStatesAsync(DbConnection connection, DbTransaction? transaction, string customer)
    {
        var rows = await connection.QueryAsync<StateRow>(StateSelect + " WHERE customer = @customer", new { customer }, transaction).ConfigureAwait(false);
        var states = new Dictionary<string, PushRuleState>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var state = row.ToState();
            states[$"{state.System}/{state.Rule}"] = state;
        }

        return states;
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

    private static Task SaveAsync(DbConnection c, DbTransaction t, string customer, List<PushRuleState> states, Instant now) =>
        c.ExecuteAsync(
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
            t);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push rule {Rule} fails: {Reason}")]
    private partial void LogFailing(string rule, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push rule {Rule} recovered")]
    private partial void LogRecovered(string rule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Push rule {Rule} changed, but the incident desk did not take the signal; the next evaluation retries")]
    private partial void LogDeliveryFailed(Exception exception, string rule);

    private sealed record RuleSet(StandbyOpsConfig Config, IReadOnlyDictionary<string, IReadOnlyList<PushRule>> ByCustomer);

    private sealed record StateRow(string SystemId, string RuleId, string? ThresholdSince, string? MissingSince, long Firing)
    {
        public PushRuleState ToState() => new(
            SystemId,
            RuleId,
            ThresholdSince is null ? null : InstantTypeHandler.Parse(ThresholdSince),
            MissingSince is null ? null : InstantTypeHandler.Parse(MissingSince),
            Firing != 0);
    }
}
