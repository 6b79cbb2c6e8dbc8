using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using StandbyOps.Monitoring.Push;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.Push;

/// <summary>
/// Two nodes sharing one store, each with its own <see cref="PushGroupStore"/>, <see cref="PushRuleMonitor"/> and database
/// handle, as two servers of a cluster are: on one SQLite file, and on a real PostgreSQL database.
/// </summary>
public sealed class PushAcrossNodesTests : IDisposable
{
    private static readonly GroupingKey HostA = GroupingKey.Of(("job", "node"), ("instance", "a"));
    private readonly TempDirectory _directory = new();
    private readonly FakeClock _time = new(PushFixtures.Start);
    private readonly RecordingSignalSink _sink = new();

    public void Dispose() => _directory.Dispose();

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_post_on_one_node_merges_with_what_another_node_pushed(string store)
    {
        var (a, b) = await NodesAsync(store);
        await b.Groups.LoadAsync();

        await a.Groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 1\n");
        var merged = await b.Groups.PushAsync("acme", HostA, PushMethod.Merge, "node_memory_free_bytes 5e8\n");

        Assert.Equal(["node_load1", "node_memory_free_bytes"], merged.Families.Select(f => f.Name).Order(StringComparer.Ordinal));
        var again = await a.Groups.PushAsync("acme", HostA, PushMethod.Merge, "node_load5 2\n");
        Assert.Equal(["node_load1", "node_load5", "node_memory_free_bytes"], again.Families.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_push_on_one_node_is_checked_for_consistency_against_the_groups_of_another(string store)
    {
        var (a, b) = await NodesAsync(store);
        await b.Groups.LoadAsync();
        await a.Groups.PushAsync("acme", HostA, PushMethod.Replace, "# TYPE node_load1 gauge\nnode_load1 1\n");

        await Assert.ThrowsAsync<PushRejectedException>(() =>
            b.Groups.PushAsync("acme", GroupingKey.Of(("job", "node"), ("instance", "b")), PushMethod.Replace, "# TYPE node_load1 counter\nnode_load1 1\n"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_node_exposes_the_groups_pushed_to_any_node_and_forgets_the_deleted_ones(string store)
    {
        var (a, b) = await NodesAsync(store);
        using var scrape = new PushedMetricsSource(b.Groups);
        Assert.DoesNotContain((await scrape.SnapshotAsync(CancellationToken.None)).Families, f => f.Family.Name == "node_load1");

        await a.Groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 1\n");
        Assert.Contains((await scrape.SnapshotAsync(CancellationToken.None)).Families, f => f.Family.Name == "node_load1");

        await a.Groups.DeleteAsync("acme", HostA);
        Assert.DoesNotContain((await scrape.SnapshotAsync(CancellationToken.None)).Families, f => f.Family.Name == "node_load1");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_absent_for_rule_stays_quiet_on_a_node_that_did_not_receive_the_pushes(string store)
    {
        var (a, b) = await NodesAsync(store);
        await b.Rules.EvaluateAsync("acme");

        for (var minute = 0; minute <= 30; minute += 5)
        {
            await a.Groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 1\n");
            await b.Rules.EvaluateAsync("acme");
            _time.Advance(Duration.FromMinutes(5));
        }

        Assert.DoesNotContain(_sink.Failures, f => f.DedupKey == "webshop/node-silent");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_failing_rule_evaluated_by_both_nodes_is_delivered_once_and_recovers_once(string store)
    {
        var (a, b) = await NodesAsync(store);
        await a.Groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 12\n");

        await a.Rules.EvaluateAsync("acme");
        await b.Rules.EvaluateAsync("acme");
        await b.Groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 1\n");
        await b.Rules.EvaluateAsync("acme");
        await a.Rules.EvaluateAsync("acme");

        Assert.Single(_sink.Failures, f => f.DedupKey == "webshop/load-high");
        Assert.Single(_sink.Recoveries, r => r.DedupKey == "webshop/load-high");
    }

    [SkippableFact]
    public async Task Two_postgres_nodes_evaluating_at_once_deliver_a_failure_once()
    {
        var (a, b) = await NodesAsync("postgres");
        await a.Groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 12\n");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).Rules.EvaluateAsync("acme"))));

        Assert.Single(_sink.Failures, f => f.DedupKey == "webshop/load-high");
    }

    private async Task<(Node A, Node B)> NodesAsync(string store)
    {
        var connectionString = store == "postgres" ? await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("push") : null;
        IDatabase Handle() => connectionString is null
            ? new SqliteDatabase(new StoreOptions(_directory.File("data")))
            : new PostgresDatabase(connectionString + ";Maximum Pool Size=10");
        var first = Handle();
        await new MigrationRunner(first, _time).ApplyAsync([.. Schema.Migrations, .. PushSchema.Migrations]);
        return (NodeOn(first), NodeOn(Handle()));
    }

    private Node NodeOn(IDatabase database)
    {
        var groups = new PushGroupStore(database, _time, NullLogger<PushGroupStore>.Instance);
        return new Node(groups, new PushRuleMonitor(() => PushFixtures.Config, groups, database, _sink, _time, NullLogger<PushRuleMonitor>.Instance));
    }

    private sealed record Node(PushGroupStore Groups, PushRuleMonitor Rules);
}
