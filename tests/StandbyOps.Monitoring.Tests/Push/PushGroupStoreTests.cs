using NodaTime;
using NodaTime.Testing;
using StandbyOps.Monitoring.Push;
using StandbyOps.Storage.Database;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.Push;

public sealed class PushGroupStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly GroupingKey Key = GroupingKey.Of(("job", "node"), ("instance", "a"));
    private readonly TempDirectory _directory = new();
    private readonly FakeClock _time = new(PushFixtures.Start);
    private SqliteDatabase _database = null!;
    private PushGroupStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await PushFixtures.DatabaseAsync(_directory);
        _store = PushFixtures.Store(_database, _time);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_push_is_kept_with_its_push_time()
    {
        var group = await _store.PushAsync("acme", Key, PushMethod.Replace, "up 1\n");

        Assert.Equal(PushFixtures.Start, group.PushedAt);
        Assert.Same(group, _store.Find("acme", Key));
    }

    [Fact]
    public async Task Groups_survive_a_restart_of_the_store()
    {
        await _store.PushAsync("acme", Key, PushMethod.Replace, "# HELP up Is it up.\n# TYPE up gauge\nup 1\n");
        _time.Advance(Duration.FromMinutes(1));
        await _store.PushAsync("acme", Key, PushMethod.Merge, "other 2\n");

        var reopened = PushFixtures.Store(_database, _time);
        await reopened.LoadAsync();

        var group = Assert.Single(reopened.GroupsOf("acme"));
        Assert.Equal(Key, group.Key);
        Assert.Equal(["other", "up"], group.Families.Select(f => f.Name));
        Assert.Equal("Is it up.", group.Family("up")!.Help);
        Assert.Equal(PushFixtures.Start + Duration.FromMinutes(1), group.PushedAt);
        Assert.Equal(PushFixtures.Start, group.CreatedAt);
    }

    [Fact]
    public async Task An_empty_put_empties_the_group_but_updates_the_push_time()
    {
        await _store.PushAsync("acme", Key, PushMethod.Replace, "up 1\n");
        _time.Advance(Duration.FromMinutes(1));

        var group = await _store.PushAsync("acme", Key, PushMethod.Replace, string.Empty);

        Assert.Empty(group.Families);
        Assert.Equal(_time.GetCurrentInstant(), group.PushedAt);
    }

    [Fact]
    public async Task An_empty_post_only_updates_the_push_time()
    {
        await _store.PushAsync("acme", Key, PushMethod.Replace, "up 1\n");
        _time.Advance(Duration.FromMinutes(1));

        var group = await _store.PushAsync("acme", Key, PushMethod.Merge, string.Empty);

        Assert.Equal(["up"], group.Families.Select(f => f.Name));
        Assert.Equal(_time.GetCurrentInstant(), group.PushedAt);
    }

    [Fact]
    public async Task Delete_removes_the_group_durably()
    {
        await _store.PushAsync("acme", Key, PushMethod.Replace, "up 1\n");

        Assert.True(await _store.DeleteAsync("acme", Key));

        var reopened = PushFixtures.Store(_database, _time);
        await reopened.LoadAsync();
        Assert.Empty(reopened.GroupsOf("acme"));
        Assert.Empty(_store.GroupsOf("acme"));
    }

    [Fact]
    public async Task Deleting_a_missing_group_is_a_no_op()
    {
        Assert.False(await _store.DeleteAsync("acme", Key));
    }

    [Fact]
    public async Task Groups_of_one_customer_are_apart_from_another_customer_with_the_same_key()
    {
        await _store.PushAsync("acme", Key, PushMethod.Replace, "up 1\n");
        await _store.PushAsync("globex", Key, PushMethod.Replace, "up 0\n");

        await _store.DeleteAsync("globex", Key);

        Assert.Single(_store.GroupsOf("acme"));
        Assert.Empty(_store.GroupsOf("globex"));
    }

    [Fact]
    public async Task A_malformed_push_changes_nothing()
    {
        var before = await _store.PushAsync("acme", Key, PushMethod.Replace, "up 1\n");
        _time.Advance(Duration.FromMinutes(1));

        await Assert.ThrowsAsync<PushRejectedException>(() => _store.PushAsync("acme", Key, PushMethod.Replace, "up 2\nbroken{\n"));

        Assert.Same(before, _store.Find("acme", Key));
    }

    [Fact]
    public async Task An_inconsistent_push_keeps_the_metrics_and_records_the_failure_time()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "other")), PushMethod.Replace, "# TYPE jobs_total counter\njobs_total 1\n");
        await _store.PushAsync("acme", Key, PushMethod.Replace, "up 1\n");
        _time.Advance(Duration.FromMinutes(1));

        await Assert.ThrowsAsync<PushRejectedException>(() => _store.PushAsync("acme", Key, PushMethod.Replace, "# TYPE jobs_total gauge\njobs_total 1\n"));

        var group = _store.Find("acme", Key)!;
        Assert.Equal(["up"], group.Families.Select(f => f.Name));
        Assert.Equal(_time.GetCurrentInstant(), group.FailedAt);
        Assert.Equal(PushFixtures.Start, group.PushedAt);
    }

    [Fact]
    public async Task The_same_name_with_another_type_is_fine_for_another_customer()
    {
        await _store.PushAsync("acme", Key, PushMethod.Replace, "# TYPE jobs_total counter\njobs_total 1\n");

        await _store.PushAsync("globex", Key, PushMethod.Replace, "# TYPE jobs_total gauge\njobs_total 1\n");

        Assert.Single(_store.GroupsOf("globex"));
    }
}
