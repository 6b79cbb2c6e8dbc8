using NodaTime;
using StandbyOps.Monitoring.History;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Storage.Database;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.History;

public sealed class CheckHistoryRecorderTests
{
    private static readonly Instant Start = HistoryFixture.Start;

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Totals_of_several_systems_come_back_per_system_and_check_on_either_store(string kind)
    {
        using var history = await HistoryFixture.CreateAsync(kind);
        history.Board.Set("shop", new MonitorStatus("home", "check", "up", Start, "200", 0.1, Start));
        history.Board.Set("api", new MonitorStatus("health", "check", "down", Start, "503", 0.2, Start));
        history.Board.Set("intranet", new MonitorStatus("home", "check", "up", Start, "200", 0.1, Start));
        history.Clock.Now = Start + Duration.FromMinutes(10);
        await history.Recorder.FlushAsync();

        var totals = await history.Store.TotalsAsync(["shop", "api", "shop"], Start, Start + Duration.FromMinutes(10));

        Assert.Equal(
            [("api", "", 0L, Minutes(10)), ("api", "health", 0L, Minutes(10)), ("shop", "", Minutes(10), 0L), ("shop", "home", Minutes(10), 0L)],
            totals.Select(t => (t.SystemId, t.CheckId, t.UpMs, t.DownMs)));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Series_written_by_two_store_instances_in_several_batches_keep_one_id_each(string kind)
    {
        using var history = await HistoryFixture.CreateAsync(kind);
        var other = new CheckHistoryStore(history.Database);
        HistorySample Sample(int system, Instant at) => new($"sys{system:D3}", "port", "check", at, HistoryState.Up, 5, null);

        // 250 series from one instance, then 450 from another (250 it has not seen the ids of, 200 new), over batch limits.
        await history.Store.WriteAsync([.. Enumerable.Range(0, 250).Select(i => Sample(i, Start))], new Dictionary<RollupKey, RollupCounters>());
        await other.WriteAsync([.. Enumerable.Range(0, 450).Select(i => Sample(i, Start + Duration.FromMinutes(1)))], new Dictionary<RollupKey, RollupCounters>());
        await history.Store.WriteAsync([.. Enumerable.Range(0, 450).Select(i => Sample(i, Start + Duration.FromMinutes(2)))], new Dictionary<RollupKey, RollupCounters>());

        foreach (var system in new[] { 0, 249, 250, 449 })
        {
            var samples = await other.SamplesAsync($"sys{system:D3}", "port", Start, Start + Duration.FromMinutes(3));
            Assert.Equal(system < 250 ? 3 : 2, samples.Count);
        }
    }

    [Fact]
    public async Task Each_state_holds_until_the_next_result_and_is_split_over_5_minute_buckets()
    {
        using var history = await HistoryFixture.CreateAsync();
        history.Clock.Now = Start + Duration.FromMinutes(2);
        history.Check("home", "up", 0.1);
        history.Clock.Now = Start + Duration.FromMinutes(12);
        history.Check("home", "down", 0.3);
        history.Clock.Now = Start + Duration.FromMinutes(20);
        history.Check("home", "maintenance", 0.2);
        history.Clock.Now = Start + Duration.FromMinutes(27);
        history.Check("home", "up", 0.05);
        history.Clock.Now = Start + Duration.FromMinutes(30);
        await history.Recorder.FlushAsync();

        var totals = await history.TotalsAsync(Start, Start + Duration.FromMinutes(30));
        var home = totals["home"];
        Assert.Equal(Minutes(10 + 3), home.UpMs);
        Assert.Equal(Minutes(8), home.DownMs);
        Assert.Equal(Minutes(7), home.MaintenanceMs);
        Assert.Equal(50, home.LatencyMinMs);
        Assert.Equal(300, home.LatencyMaxMs);
        Assert.Equal(4, home.LatencyCount);

        // The bucket 10:00–15:00 holds 2 minutes up and 3 down.
        var slots = await history.Store.SlotsAsync("shop", "home", Start, Start + Duration.FromMinutes(30), HistoryRetention.Bucket);
        var second = slots[(Start + Duration.FromMinutes(10)).ToUnixTimeSeconds()];
        Assert.Equal(Minutes(2), second.UpMs);
        Assert.Equal(Minutes(3), second.DownMs);
        // The 2 minutes before the first result are stored nowhere: a report counts them as unknown.
        Assert.Equal(Minutes(3), slots[Start.ToUnixTimeSeconds()].UpMs);
    }

    [Fact]
    public async Task A_system_is_down_while_a_check_that_counts_is_down_and_not_for_one_that_does_not()
    {
        using var history = await HistoryFixture.CreateAsync();
        history.Check("home", "up");
        history.Check("cert", "up");
        history.Clock.Advance(Duration.FromMinutes(10));
        history.Check("cert", "down");
        history.Clock.Advance(Duration.FromMinutes(10));
        history.Check("home", "down");
        history.Clock.Advance(Duration.FromMinutes(5));
        history.Check("home", "up");
        history.Clock.Advance(Duration.FromMinutes(5));
        await history.Recorder.FlushAsync();

        var system = (await history.TotalsAsync(Start, Start + Duration.FromHours(1)))[""];
        Assert.Equal(CheckHistoryRecorder.SystemKind, system.Kind);
        Assert.Equal(Minutes(25), system.UpMs);
        Assert.Equal(Minutes(5), system.DownMs);
    }

    [Fact]
    public async Task Time_after_a_check_is_removed_or_while_nothing_is_published_is_not_counted()
    {
        using var history = await HistoryFixture.CreateAsync();
        history.Check("home", "pending", null);
        history.Clock.Advance(Duration.FromMinutes(5));
        history.Check("home", "up");
        history.Clock.Advance(Duration.FromMinutes(5));
        history.Board.Remove("shop", "home");
        history.Clock.Advance(Duration.FromMinutes(20));
        await history.Recorder.FlushAsync();

        var home = (await history.TotalsAsync(Start, Start + Duration.FromHours(1)))["home"];
        Assert.Equal(Minutes(5), home.UpMs);
        Assert.Equal(0, home.DownMs + home.MaintenanceMs);
    }

    [Fact]
    public async Task Flushing_twice_adds_to_the_same_buckets_instead_of_counting_twice()
    {
        using var history = await HistoryFixture.CreateAsync();
        history.Check("home", "up");
        history.Clock.Advance(Duration.FromMinutes(1));
        await history.Recorder.FlushAsync();
        history.Clock.Advance(Duration.FromMinutes(2));
        await history.Recorder.FlushAsync();
        await history.Recorder.FlushAsync();

        var home = (await history.TotalsAsync(Start, Start + Duration.FromMinutes(5)))["home"];
        Assert.Equal(Minutes(3), home.UpMs);
    }

    [Fact]
    public async Task Raw_results_are_kept_48_hours_and_rollups_400_days()
    {
        using var history = await HistoryFixture.CreateAsync();
        history.Check("home", "up", 0.1);
        history.Clock.Advance(Duration.FromMinutes(5));
        history.Check("home", "down", 0.2);
        history.Clock.Advance(Duration.FromMinutes(5));
        await history.Recorder.FlushAsync();
        var samples = await history.Store.SamplesAsync("shop", "home", Start, Start + Duration.FromHours(1));
        Assert.Equal(["up", "down"], samples.Select(s => s.State.ToString().ToLowerInvariant()));
        Assert.Equal(200, samples[1].LatencyMs);

        await history.Store.PurgeAsync(Start + Duration.FromHours(48));
        Assert.Equal(2, (await history.Store.SamplesAsync("shop", "home", Start, Start + Duration.FromHours(1))).Count);
        await history.Store.PurgeAsync(Start + Duration.FromHours(48) + Duration.FromMinutes(1));
        Assert.Single(await history.Store.SamplesAsync("shop", "home", Start, Start + Duration.FromHours(1)));
        Assert.Equal(Minutes(5), (await history.TotalsAsync(Start, Start + Duration.FromHours(1)))["home"].UpMs);

        // Rollups go in whole hours (both tiers alike): the hour from Start stays until all of it is 400 days old.
        var (_, kept) = await history.Store.PurgeAsync(Start + Duration.FromDays(400) + Duration.FromMinutes(59));
        Assert.Equal(0, kept);
        Assert.Equal(Minutes(5), (await history.TotalsAsync(Start, Start + Duration.FromHours(1)))["home"].DownMs);
        var (_, rollups) = await history.Store.PurgeAsync(Start + Duration.FromDays(400) + Duration.FromHours(1));
        Assert.True(rollups >= 2);
        var left = (await history.TotalsAsync(Start, Start + Duration.FromHours(1)))["home"];
        Assert.Equal(0, left.UpMs);
        Assert.Equal(0, left.DownMs);
    }

    [Fact]
    public async Task Recording_only_queues_so_a_monitor_never_waits_on_the_store()
    {
        // A store without its tables: every write fails, yet publishing a status does not.
        using var directory = new TempDirectory();
        var store = new CheckHistoryStore(new SqliteDatabase(new StoreOptions(directory.Path)));
        using var recorder = new CheckHistoryRecorder(store, new SettableClock(Start), (_, _) => true);
        var board = new SystemStatusBoard(recorder);
        board.Set("shop", new MonitorStatus("home", "check", "up", Start, "200", 0.1, Start));
        Assert.Equal(1, recorder.Queued);
        await Assert.ThrowsAnyAsync<Exception>(() => recorder.FlushAsync());
    }

    private static long Minutes(int minutes) => minutes * 60_000L;
}
