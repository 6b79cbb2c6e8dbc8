using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Data.Common;
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
public sealed partial class PushGroupStore
{
    private readonly IDatabase _database;
    private readonly IClock _clock;
    private readonly ILogger<PushGroupStore> _logger;
    private readonly ConcurrentDictionary<string, ImmutableDictionary<GroupingKey, PushGroup>> _groups = new(StringComparer.Ordinal);
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
        _load = new LoadOnce(ReadGroupsAsync);
    }

    /// <summary>Reads the stored groups into memory once; later calls return at once.</summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) =>
        _load.EnsureAsync(cancellationToken);

    private async Task ReadGroupsAsync(CancellationToken cancellationToken)
    {
        var rows = await _database.ReadAsync(static c => c.QueryAsync<GroupRow>(
            "SELECT customer, labels, body, pushed_at AS PushedAt, failed_at AS FailedAt, created_at AS CreatedAt FROM push_groups"),
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (ToGroup(row) is { } group)
            {
                _groups.AddOrUpdate(group.Customer,
                    _ => ImmutableDictionary<GroupingKey, PushGroup>.Empty.Add(group.Key, group),
                    (_, groups) => groups.SetItem(group.Key, group));
            }
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>Changes with every change of the groups (a load, a push, a failed push, a deletion), so readers can cache what they derive.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The customer's groups as they are now.</summary>
    public IReadOnlyCollection<PushGroup> GroupsOf(string customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return _groups.TryGetValue(customer, out var groups) ? [.. groups.Values] : [];
    }

    /// <summary>Every customer's groups as they are now.</summary>
    public IReadOnlyList<PushGroup> All() => [.. _groups.Values.SelectMany(g => g.Values)];

    /// <summary>The group <paramref name="key"/> of <paramref name="customer"/>, or null.</summary>
    public PushGroup? Find(string customer, GroupingKey key)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(key);
        return _groups.TryGetValue(customer, out var groups) ? groups.GetValueOrDefault(key) : null;
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
            var current = _groups.GetValueOrDefault(customer) ?? ImmutableDictionary<GroupingKey, PushGroup>.Empty;
            var existing = current.GetValueOrDefault(key);
            var content = PushBody.Combine(existing, pushed, method);
            var now = _clock.GetCurrentInstant();
            try
            {
                PushConsistency.Check(current.Values.Where(g => !g.Key.Equals(key)), key, content, pushed);
            }
            catch (PushRejectedException) when (existing is not null)
            {
                var failed = existing with { FailedAt = now };
                await _database.WriteAsync((c, t) => c.ExecuteAsync(
                    "UPDATE push_groups SET failed_at = @now WHERE customer = @customer AND grouping_key = @key",
                    new { now, customer, key = StorageKey(key) }, t), cancellationToken).ConfigureAwait(false);
                _groups[customer] = current.SetItem(key, failed);
                Interlocked.Increment(ref _version);
                throw;
            }

            var group = new PushGroup(customer, key, content, now, existing?.FailedAt, existing?.CreatedAt ?? now);
            await _database.WriteAsync((c, t) => SaveAsync(c, t, group), cancellationToken).ConfigureAwait(false);
            _groups[customer] = current.SetItem(key, group);
            Interlocked.Increment(ref _version);
            return group;
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
            var current = _groups.GetValueOrDefault(customer) ?? ImmutableDictionary<GroupingKey, PushGroup>.Empty;
            if (!current.ContainsKey(key))
            {
                return false;
            }

            await _database.WriteAsync((c, t) => c.ExecuteAsync(
                "DELETE FROM push_groups WHERE customer = @customer AND grouping_key = @key",
                new { customer, key = StorageKey(key) }, t), cancellationToken).ConfigureAwait(false);
            _groups[customer] = current.Remove(key);
            Interlocked.Increment(ref _version);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

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

    private sealed record GroupRow(string Customer, string Labels, string Body, string PushedAt, string? FailedAt, string CreatedAt);
}
