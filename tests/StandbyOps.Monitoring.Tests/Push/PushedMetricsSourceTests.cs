using System.Text;
using NodaTime;
using NodaTime.Testing;
using Prometheus;
using StandbyOps.Metrics;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Metrics.TextFormat;
using StandbyOps.Monitoring.Push;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.Push;

public sealed class PushedMetricsSourceTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeClock _time = new(PushFixtures.Start);
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private PushGroupStore _store = null!;
    private PushedMetricsSource _source = null!;

    public async Task InitializeAsync()
    {
        _store = PushFixtures.Store(await PushFixtures.DatabaseAsync(_directory), _time);
        Prometheus.Metrics.WithCustomRegistry(_registry).CreateGauge("standbyops_actors", "Live actors.").Set(3);
        _source = new PushedMetricsSource(_store);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _source.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Pushed_series_are_exposed_with_group_labels_and_customer_beside_the_server_metrics()
    {
        await _store.PushAsync("acme", GroupingKeyParser.Parse("job/node/path@base64/L3Zhci90bXA"), PushMethod.Replace, "# TYPE up gauge\nup 1\n");

        var text = await ScrapeAsync();

        Assert.Contains("up{customer=\"acme\",job=\"node\",path=\"/var/tmp\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("standbyops_actors 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_group_gets_push_time_and_push_failure_time_gauges()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "node")), PushMethod.Replace, "up 1\n");

        var text = await ScrapeAsync();

        Assert.Contains("push_time_seconds{customer=\"acme\",job=\"node\"} 1.7951832e+09\n", text, StringComparison.Ordinal);
        Assert.Contains("push_failure_time_seconds{customer=\"acme\",job=\"node\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_name_from_several_groups_is_one_contiguous_family()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "a")), PushMethod.Replace, "# TYPE up gauge\nup 1\n");
        await _store.PushAsync("globex", GroupingKey.Of(("job", "b")), PushMethod.Replace, "# HELP up Up.\n# TYPE up gauge\nup 0\n");

        var families = TextFormatParser.Parse(await ScrapeAsync());

        var up = Assert.Single(families, f => f.Name == "up");
        Assert.Equal(2, up.Samples.Count);
        Assert.Equal("Up.", up.Help);
    }

    [Fact]
    public async Task Families_without_help_get_a_generic_help()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "a")), PushMethod.Replace, "up 1\n");

        Assert.Contains($"# HELP up {PushedMetricsSource.DefaultHelp}\n", await ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_two_customers_push_a_name_with_two_types_the_first_group_keeps_it_and_the_scrape_still_works()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "a")), PushMethod.Replace, "# TYPE jobs_total counter\njobs_total 1\n");
        _time.Advance(Duration.FromSeconds(1));
        await _store.PushAsync("globex", GroupingKey.Of(("job", "b")), PushMethod.Replace, "# TYPE jobs_total gauge\njobs_total 7\n");

        var text = await ScrapeAsync();

        Assert.Contains("jobs_total{customer=\"acme\",job=\"a\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jobs_total{customer=\"globex\"", text, StringComparison.Ordinal);
        Assert.Contains("standbyops_push_hidden_families{customer=\"globex\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_groups_nothing_is_added()
    {
        Assert.DoesNotContain("push_time_seconds", await ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_scrapes_render_the_pushed_groups_once_and_share_the_rendering()
    {
        for (var i = 0; i < 100; i++)
        {
            await _store.PushAsync("acme", GroupingKey.Of(("job", "node"), ("instance", $"host-{i}")), PushMethod.Replace, "# TYPE up gauge\nup 1\n");
        }

        using var start = new ManualResetEventSlim();
        var scrapes = Enumerable.Range(0, 25).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await _source.SnapshotAsync(CancellationToken.None);
        })).ToArray();
        start.Set();
        var snapshots = await Task.WhenAll(scrapes);

        Assert.Equal(1, _source.Renders);
        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
        Assert.Equal(100, Assert.Single(snapshots[0].Families, f => f.Family.Name == "up").Family.Samples.Count);
    }

    [Fact]
    public async Task A_push_or_a_deletion_makes_the_next_scrape_render_again_and_only_then()
    {
        var key = GroupingKey.Of(("job", "node"));
        await _store.PushAsync("acme", key, PushMethod.Replace, "up 1\n");
        var first = await _source.SnapshotAsync(CancellationToken.None);
        Assert.Same(first, await _source.SnapshotAsync(CancellationToken.None));

        await _store.PushAsync("acme", key, PushMethod.Replace, "up 0\n");
        var second = await _source.SnapshotAsync(CancellationToken.None);
        await _store.DeleteAsync("acme", key);
        var third = await _source.SnapshotAsync(CancellationToken.None);

        Assert.Equal(3, _source.Renders);
        Assert.Contains("up{customer=\"acme\",job=\"node\"} 0\n", Text(second), StringComparison.Ordinal);
        Assert.Empty(third.Families);
    }

    private static string Text(RenderedFamilies families) =>
        string.Concat(families.Families.Select(f => Encoding.UTF8.GetString(f.Text.Span)));

    private async Task<string> ScrapeAsync()
    {
        var own = await ScrapeWriter.CollectAsync(_registry, CancellationToken.None);
        using var output = new MemoryStream();
        await ScrapeWriter.WriteAsync(own, [await _source.SnapshotAsync(CancellationToken.None)], output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
