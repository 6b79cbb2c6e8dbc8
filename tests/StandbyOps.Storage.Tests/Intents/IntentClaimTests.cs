using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Intents;

/// <summary>
/// Two relays on two <see cref="PostgresDatabase"/> handles over one real PostgreSQL database: two nodes. The database
/// decides which node runs an intent (<c>FOR UPDATE SKIP LOCKED</c>, held until the outcome is recorded).
/// </summary>
public sealed class IntentClaimTests
{
    private static readonly Instant Now = TempStore.Epoch;

    [SkippableFact]
    public async Task Two_nodes_running_the_same_due_intents_handle_each_exactly_once()
    {
        await using var store = await TempStore.CreateAsync("postgres");
        var intents = new IntentStore(store.Database);
        var ids = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(await intents.AddAsync("page.send", $"p{i}", Now, Now));
        }

        var counts = new ConcurrentDictionary<string, int>();
        var handler = new CountingHandler(counts);
        await using var databaseA = (PostgresDatabase)store.Open();
        await using var databaseB = (PostgresDatabase)store.Open();
        var nodeA = Relay(databaseA, handler);
        var nodeB = Relay(databaseB, handler);

        // Both nodes look at once and then again, as their relay services do every second.
        var completed = await Task.WhenAll(
            Task.Run(() => nodeA.RunDueAsync(Now)), Task.Run(() => nodeB.RunDueAsync(Now)),
            Task.Run(() => nodeA.RunDueAsync(Now)), Task.Run(() => nodeB.RunDueAsync(Now)));
        completed = [.. completed, await nodeA.RunDueAsync(Now), await nodeB.RunDueAsync(Now)];

        Assert.Equal(300, completed.Sum());
        Assert.Equal(ids.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts, c => Assert.Equal(1, c.Value));
        Assert.Empty(await intents.PendingAsync());
    }

    [SkippableFact]
    public async Task An_intent_held_by_a_stalled_node_is_skipped_by_the_other_and_runs_once()
    {
        await using var store = await TempStore.CreateAsync("postgres");
        var intents = new IntentStore(store.Database);
        var held = await intents.AddAsync("page.send", "held", Now, Now);
        var counts = new ConcurrentDictionary<string, int>();
        await using var databaseA = (PostgresDatabase)store.Open();
        await using var databaseB = (PostgresDatabase)store.Open();
        var stalled = new StallingHandler(counts, "held", databaseA);
        var nodeA = Relay(databaseA, stalled);
        var nodeB = Relay(databaseB, new CountingHandler(counts));

        var runA = nodeA.RunDueAsync(Now);
        await stalled.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var other = await intents.AddAsync("page.send", "other", Now, Now);

        // While A holds "held" (and has written through the store's write lock), B runs only "other", and the store's
        // writers never wait for the claimed row: retention deletes under the write lock and returns.
        Assert.Equal(1, await nodeB.RunDueAsync(Now).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await new IntentStore(databaseB).DeleteCompletedBeforeAsync(Now + Duration.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal((1, 1), (counts[held], counts[other]));
        Assert.Equal(0, await nodeB.RunDueAsync(Now + Duration.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(30)));

        stalled.Release.SetResult();
        Assert.Equal(1, await runA.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await nodeA.RunDueAsync(Now + Duration.FromMinutes(1)));
        Assert.Equal(0, await nodeB.RunDueAsync(Now + Duration.FromMinutes(2)));
        Assert.Equal(0, await nodeA.RunDueAsync(Now + Duration.FromMinutes(2)));

        Assert.Equal(1, counts[held]);
        Assert.Equal(1, counts[other]);
        var pending = await intents.PendingAsync();
        Assert.Equal(["written-by-held"], pending.Select(p => p.Payload));
    }

    [SkippableFact]
    public async Task A_claim_whose_connection_dies_passes_to_the_other_node()
    {
        await using var store = await TempStore.CreateAsync("postgres");
        var intents = new IntentStore(store.Database);
        var id = await intents.AddAsync("page.send", "held", Now, Now);
        var countsA = new ConcurrentDictionary<string, int>();
        var countsB = new ConcurrentDictionary<string, int>();
        await using var databaseA = (PostgresDatabase)store.Open();
        await using var databaseB = (PostgresDatabase)store.Open();
        var stalled = new StallingHandler(countsA, "held", databaseA);
        var nodeA = Relay(databaseA, stalled);
        var nodeB = Relay(databaseB, new CountingHandler(countsB));

        var runA = nodeA.RunDueAsync(Now);
        await stalled.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await nodeB.RunDueAsync(Now));

        // A's process dies: its backend goes, the server aborts the claim's transaction and frees the row. The timeout
        // makes the call wait until the backend has exited (PostgreSQL 14+), so its row lock is gone before B looks.
        var terminated = await store.Database.ReadAsync(c => c.QueryAsync<bool>(
            "SELECT pg_terminate_backend(l.pid, 10000) FROM pg_locks l JOIN pg_class r ON r.oid = l.relation " +
            "WHERE r.relname = 'intents' AND l.mode = 'RowShareLock' AND l.pid <> pg_backend_pid()"));
        Assert.True(Assert.Single(terminated));
        Assert.Equal(1, await nodeB.RunDueAsync(Now).WaitAsync(TimeSpan.FromSeconds(30)));

        // A's handler, resumed after its claim was lost, cannot record an outcome over B's.
        stalled.Release.SetResult();
        Assert.Equal(0, await runA.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal((1, 1), (countsA[id], countsB[id]));
        var row = await store.Database.ReadAsync(c => c.QuerySingleAsync<(string? CompletedAt, long Attempts)>(
            "SELECT completed_at, attempts FROM intents WHERE id = @id", new { id }));
        Assert.NotNull(row.CompletedAt);
        Assert.Equal(1, row.Attempts);
    }

    [SkippableFact]
    public async Task A_claim_is_bounded_by_the_servers_timeouts()
    {
        await using var store = await TempStore.CreateAsync("postgres");

        var settings = await store.Database.ClaimAsync(async (c, t) => await c.QuerySingleAsync<(string Statement, string Lock, string Idle)>(
            "SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), current_setting('idle_in_transaction_session_timeout')", transaction: t));
        var outside = await store.Database.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT current_setting('idle_in_transaction_session_timeout')"));

        Assert.Equal(("30s", "5s", "5min"), settings);
        Assert.Equal("0", outside);
    }

    private static IntentRelay Relay(IDatabase database, IIntentHandler handler) =>
        new(new IntentStore(database), [handler], NullLogger<IntentRelay>.Instance);

    private sealed class CountingHandler(ConcurrentDictionary<string, int> counts) : IIntentHandler
    {
        public string Kind => "page.send";

        public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
        {
            counts.AddOrUpdate(intent.Id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts every intent; the one with <c>payload</c> writes through the store, then stalls until released (a stopped node).</summary>
    private sealed class StallingHandler(ConcurrentDictionary<string, int> counts, string payload, IDatabase database) : IIntentHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => "page.send";

        public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
        {
            counts.AddOrUpdate(intent.Id, 1, (_, n) => n + 1);
            if (intent.Payload != payload)
            {
                return;
            }

            await database.WriteAsync((c, t) => IntentStore.AddAsync(c, t, "later", "written-by-held", Now, Now + Duration.FromDays(1)), cancellationToken);
            Entered.SetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }
}
