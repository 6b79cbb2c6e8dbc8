using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using StandbyOps.Monitoring.Push;
using StandbyOps.Storage.Database;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.Push;

public sealed class PushRuleMonitorTests : IAsyncLifetime, IDisposable
{
    private static readonly GroupingKey HostA = GroupingKey.Of(("job", "node"), ("instance", "a"));
    private readonly TempDirectory _directory = new();
    private readonly FakeClock _time = new(PushFixtures.Start);
    private readonly RecordingSignalSink _sink = new();
    private SqliteDatabase _database = null!;
    private PushGroupStore _groups = null!;

    public async Task InitializeAsync()
    {
        _database = await PushFixtures.DatabaseAsync(_directory);
        _groups = PushFixtures.Store(_database, _time);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_pending_time_of_a_rule_survives_a_restart()
    {
        await _groups.PushAsync("acme", HostA, PushMethod.Replace, "node_filesystem_avail_bytes{mountpoint=\"/\"} 5e8\n");
        await Monitor().EvaluateAsync("acme");
        _time.Advance(Duration.FromMinutes(5));

        var restarted = Monitor(PushFixtures.Store(_database, _time));
        await restarted.EvaluateAsync("acme");

        Assert.Equal("webshop/disk-free", Assert.Single(_sink.Failures, f => f.DedupKey == "webshop/disk-free").DedupKey);
    }

    [Fact]
    public async Task A_firing_rule_is_not_raised_again_after_a_restart()
    {
        await _groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 12\n");
        await Monitor().EvaluateAsync("acme");

        await Monitor().EvaluateAsync("acme");

        Assert.Single(_sink.Failures, f => f.DedupKey == "webshop/load-high");
    }

    [Fact]
    public async Task A_failure_the_desk_did_not_take_is_delivered_by_the_next_evaluation()
    {
        var monitor = Monitor();
        await _groups.PushAsync("acme", HostA, PushMethod.Replace, "node_load1 12\n");
        _sink.Broken = true;
        await monitor.EvaluateAsync("acme");
        _sink.Broken = false;

        await monitor.EvaluateAsync("acme");

        Assert.Single(_sink.Failures, f => f.DedupKey == "webshop/load-high");
        Assert.True((await monitor.StateOfAsync("webshop", "load-high"))!.Firing);
    }

    [Fact]
    public async Task Rules_only_see_their_customer_groups()
    {
        await _groups.PushAsync("globex", HostA, PushMethod.Replace, "node_load1 50\nnode_filesystem_avail_bytes 1\n");

        var monitor = Monitor();
        await monitor.EvaluateAsync("acme");
        await monitor.EvaluateAsync("globex");

        Assert.Equal(["portal/disk-free-portal"], _sink.Failures.Select(f => f.DedupKey));
    }

    [Fact]
    public async Task Absent_for_fires_from_a_timed_evaluation_without_any_push()
    {
        await _groups.PushAsync("acme", HostA, PushMethod.Replace, "up 1\n");
        var monitor = Monitor();
        await monitor.EvaluateAllAsync();
        _time.Advance(Duration.FromMinutes(10));

        await monitor.EvaluateAllAsync();

        Assert.Single(_sink.Failures, f => f.DedupKey == "webshop/node-silent");
    }

    private PushRuleMonitor Monitor(PushGroupStore? groups = null) =>
        new(() => PushFixtures.Config, groups ?? _groups, _database, _sink, _time, NullLogger<PushRuleMonitor>.Instance);
}
