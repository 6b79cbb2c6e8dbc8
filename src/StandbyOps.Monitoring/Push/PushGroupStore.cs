using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Metrics;
using StandbyOps.Metrics.TextFormat;
using StandbyOps.Storage.Database;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// The pushed groups, keyed by (customer, grouping key): durable in the store (each change is committed before
/// the push is answered, so a restart keeps the groups and their push times) with an in-memory copy that
/// scrapes and push rules read without touching the store. Changes to one customer's groups are serialized.
/// </summary>
/// <remarks>
/// Several nodes share one store and each keeps its own copy. Every change of a customer's groups raises the customer's
/// revision (<c>push_customers</c>) in the same write transaction, and the change starts from the groups as of the stored
/// revision: a node whose copy is behind reads the customer's groups again first, so a POST on one node merges with
/// what was pushed on another, and the consistency check sees every group. Scrapes and push-rule evaluations bring
/// their copy up to date the same way (<see cref="SyncAsync(CancellationToken)"/>).
/// </remarks>
public sealed partial class PushGroupStore
{
    private const string GroupSelect = "SELECT customer, labels, body, pushed_at AS PushedAt, failed_at AS FailedAt, created_at AS CreatedAt FROM push_groups";

    private readonly IDatabase _database;
    private readonly IClock _clock;
    private readonly ILogger<PushGroupStore> _logger;
    private readonly ConcurrentDictionary<string, CustomerGroups> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly LoadOnce _load;
    private long _version;

    /// <summary>Creates the store over <paramref name="database"/>; <see cref="LoadAsync"/> reads what an earlier run kept.</summary>
    public PushGroupStore(IDatabase database, IClock clock, ILogger<PushGroupStore> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _clock = clock;
        _logger = logger;
        _load = new LoadOnce(SyncAsync);
    }

    /// <summary>Reads the stored groups into memory once; later calls return at once.</summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) =>
        _load.EnsureAsync(cancellationToken);

    /// <summary>
    /// Brings the in-memory copy up to the store: reads again the groups of every customer whose stored revision differs
    /// from the copy's (another node changed them). On a store this node alone writes, that is one small query.
    /// </summary>
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var revisions = await _database.ReadAsync(static c => c.QueryAsync<(string Customer, long Revision)>(
            "SELECT customer, revision FROM push_customers"), cancellationToken).ConfigureAwait(false);
        foreach (var (customer, revision) in revisions)
        {
            if (RevisionOf(customer) != revision)
            {
                await _database.ReadAsync(c => ReadCustomerAsync(c, null, customer, revision), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The groups of <paramref name="customer"/> as of its stored revision, read on <paramref name="connection"/> (inside the
    /// caller's transaction or claim) and only when the in-memory copy is behind.
    /// </summary>
    public async Task<IReadOnlyCollection<PushGroup>> SyncAsync(string customer, DbConnection connection, DbTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return (await CurrentAsync(connection, transaction, customer).ConfigureAwait(false)).Groups.Values.ToList();
    }

    private async Task<CustomerGroups> CurrentAsync(DbConnection connection, DbTransaction? transaction, string customer)
    {
        var revision = await connection.ExecuteScalarAsync<long?>(
            "SELECT revision FROM push_customers WHERE customer = @customer", new { customer }, transaction).ConfigureAwait(false) ?? 0;
        return _groups.TryGetValue(customer, out var current) && current.Revision == revision
            ? current
            : await ReadCustomerAsync(connection, transaction, customer, revision).ConfigureAwait(false);
    }

    /// <summary>Reads the customer's groups, stored at <paramref name="revision"/> (read before them, so a later change shows as a newer revision).</summary>
    private async Task<CustomerGroups> ReadCustomerAsync(DbConnection connection, DbTransaction? transaction, string customer, long revision)
    {
        var rows = await connection.QueryAsync<GroupRow>(GroupSelect + " WHERE customer = @customer", new { customer }, transaction).ConfigureAwait(false);
        var groups = ImmutableDictionary.CreateRange(rows.Select(ToGroup).OfType<PushGroup>().Select(g => KeyValuePair.Create(g.Key, g)));
        var read = new CustomerGroups(revision, groups);
        Keep(customer, read);
        return read;
    }

    /// <summary>Replaces the copy of the customer's groups unless it already holds a later revision.</summary>
    private void Keep(string customer, CustomerGroups groups)
    {
        _groups.AddOrUpdate(customer, groups, (_, current) => groups.Revision >= current.Revision ? groups : current);
        Interlocked.Increment(ref _version);
    }

    private long RevisionOf(string customer) => _groups.TryGetValue(customer, out var current) ? current.Revision : 0;

    /// <summary>Changes with every change of the groups (a load, a push, a failed push, a deletion), so readers can cache what they derive.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The customer's groups as they are now.</summary>
    public IReadOnlyCollection<PushGroup> GroupsOf(string customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return _groups.TryGetValue(customer, out var groups) ? [.. groups.Groups.Values] : [];
    }

    /// <summary>Every customer's groups as they are now.</summary>
    public IReadOnlyList<PushGroup> All() => [.. _groups.Values.SelectMany(g => g.Groups.Values)];

    /// <summary>The group <paramref name="key"/> of <paramref name="customer"/>, or null.</summary>
    public PushGroup? Find(string customer, GroupingKey key)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(key);
        return _groups.TryGetValue(customer, out var groups) ? groups.Groups.GetValueOrDefault(key) : null;
    }

    /// <summary>
    /// Applies a PUT (<see cref="PushMethod.Replace"/>) or POST (<see cref="PushMethod.Merge"/>) of <paramref name="body"/>
    /// and returns the group as stored. An empty body updates only the push time (and, for PUT, empties the group).
    /// </summary>
    /// <exception cref="PushRejectedException">
    /// The body is malformed, has timestamps, or is inconsistent with the customer's other groups. Nothing changes,
    /// except that an existing group records the failure time of an inconsistent push, as the Pushgateway does.
    /// </exception>
    public async Task<PushGroup> PushAsync(string customer, GroupingKey key, PushMethod method, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customer);
        ArgumentNullException.ThrowIfNull(key);
        var pushed = PushBody.Parse(body, key, customer);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var gate = _locks.GetOrAdd(customer, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (groups, stored, rejected) = await _database.WriteAsync(async (c, t) =>
            {
                var current = await CurrentAsync(c, t, customer).ConfigureAwait(false);
                var existing = current.Groups.GetValueOrDefault(key);
                var content = PushBody.Combine(existing, pushed, method);
                var now = _clock.GetCurrentInstant();
                try
                {
                    PushConsistency.Check(current.Groups.Values.Where(g => !g.Key.Equals(key)), key, content, pushed);
                }
                catch (PushRejectedException e) when (existing is not null)
                {
                    // The failure time is kept (committed) before the push is refused, as the Pushgateway does.
                    var failed = existing with { FailedAt = now };
                    await c.ExecuteAsync(
                        "UPDATE push_groups SET failed_at = @now WHERE customer = @customer AND grouping_key = @key",
                        new { now, customer, key = StorageKey(key) }, t).ConfigureAwait(false);
                    return (new CustomerGroups(await RaiseRevisionAsync(c, t, customer).ConfigureAwait(false), current.Groups.SetItem(key, failed)), (PushGroup?)null, e);
                }

                var group = new PushGroup(customer, key, content, now, existing?.FailedAt, existing?.CreatedAt ?? now);
                await SaveAsync(c, t, group).ConfigureAwait(false);
                return (new CustomerGroups(await RaiseRevisionAsync(c, t, customer).ConfigureAwait(false), current.Groups.SetItem(key, group)), group, (PushRejectedException?)null);
            }, cancellationToken).ConfigureAwait(false);
            Keep(customer, groups);
            if (rejected is not null)
            {
                ExceptionDispatchInfo.Throw(rejected);
            }

            return stored!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Deletes the group; true when it existed. Deleting a missing group is a no-op, as in the Pushgateway.</summary>
    public async Task<bool> DeleteAsync(string customer, GroupingKey key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customer);
        ArgumentNullException.ThrowIfNull(key);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var gate = _locks.GetOrAdd(customer, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var groups = await _database.WriteAsync(async (c, t) =>
            {
                var current = await CurrentAsync(c, t, customer).ConfigureAwait(false);
                if (!current.Groups.ContainsKey(key))
                {
                    return null;
                }

                await c.ExecuteAsync(
                    "DELETE FROM push_groups WHERE customer = @customer AND grouping_key = @key",
                    new { customer, key = StorageKey(key) }, t).ConfigureAwait(false);
                return new CustomerGroups(await RaiseRevisionAsync(c, t, customer).ConfigureAwait(false), current.Groups.Remove(key));
            }, cancellationToken).ConfigureAwait(false);
            if (groups is null)
            {
                return false;
            }

            Keep(customer, groups);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Raises the customer's revision in the change's transaction and returns it.</summary>
    private static Task<long> RaiseRevisionAsync(DbConnection connection, DbTransaction transaction, string customer) =>
        connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO push_customers (customer, revision) VALUES (@customer, 1)
            ON CONFLICT (customer) DO UPDATE SET revision = push_customers.revision + 1
            RETURNING revision
            """,
            new { customer }, transaction);

    /// <summary>The group's identity in the store: its non-empty labels as text, e.g. <c>{instance="a",job="node"}</c>.</summary>
    private static string StorageKey(GroupingKey key) => key.Labels.ToString();

    private static Task<int> SaveAsync(DbConnection connection, DbTransaction transaction, PushGroup group) =>
        connection.ExecuteAsync(
            """
            INSERT INTO push_groups (customer, grouping_key, labels, body, pushed_at, failed_at, created_at)
            VALUES (@Customer, @Key, @Labels, @Body, @PushedAt, @FailedAt, @CreatedAt)
            ON CONFLICT (customer, grouping_key) DO UPDATE SET
                labels = excluded.labels, body = excluded.body, pushed_at = excluded.pushed_at, failed_at = excluded.failed_at
            """,
            new
            {
                group.Customer,
                Key = StorageKey(group.Key),
                Labels = JsonSerializer.Serialize(group.Key.Pairs.ToDictionary(p => p.Name, p => p.Value)),
                Body = TextFormatWriter.Render(group.Families),
                group.PushedAt,
                FailedAt = group.FailedAt is { } failed ? InstantTypeHandler.Format(failed) : null,
                group.CreatedAt,
            },
            transaction);

    private PushGroup? ToGroup(GroupRow row)
    {
        try
        {
            var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Labels) ?? [];
            var key = new GroupingKey(labels.Select(l => new Label(l.Key, l.Value)));
            return new PushGroup(
                row.Customer,
                key,
                TextFormatParser.Parse(row.Body),
                InstantTypeHandler.Parse(row.PushedAt),
                row.FailedAt is null ? null : InstantTypeHandler.Parse(row.FailedAt),
                InstantTypeHandler.Parse(row.CreatedAt));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            LogUnreadableGroup(e, row.Customer, row.Labels);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pushed group {Labels} of customer {Customer} in the store cannot be read; it is left out until pushed again")]
    private partial void LogUnreadableGroup(Exception exception, string customer, string labels);

    /// <summary>A customer's groups as of its stored revision.</summary>
    private sealed record CustomerGroups(long Revision, ImmutableDictionary<GroupingKey, PushGroup> Groups);

    private sealed record GroupRow(string Customer, string Labels, string Body, string PushedAt, string? FailedAt, string CreatedAt);
}
