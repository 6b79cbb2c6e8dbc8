using NodaTime;
using NodaTime.Testing;
using StandbyOps.Metrics;
using StandbyOps.Metrics.TextFormat;
using StandbyOps.Monitoring.Push;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.Push;

public sealed class PushedMetricsSourceTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeClock _time = new(PushFixtures.Start);
    private readonly MetricsRegistry _registry = new();
    private PushGroupStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = PushFixtures.Store(await PushFixtures.DatabaseAsync(_directory), _time);
        _registry.Gauge("standbyops_actors", "Live actors.").Set(3);
        _registry.AddSource(new PushedMetricsSource(_store));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Pushed_series_are_exposed_with_group_labels_and_customer_beside_the_server_metrics()
    {
        await _store.PushAsync("acme", GroupingKeyParser.Parse("job/node/path@base64/L3Zhci90bXA"), PushMethod.Replace, "# TYPE up gauge\nup 1\n");

        var text = Scrape();

        Assert.Contains("up{customer=\"acme\",job=\"node\",path=\"/var/tmp\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("standbyops_actors 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_group_gets_push_time_and_push_failure_time_gauges()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "node")), PushMethod.Replace, "up 1\n");

        var text = Scrape();

        Assert.Contains("push_time_seconds{customer=\"acme\",job=\"node\"} 1.7951832e+09\n", text, StringComparison.Ordinal);
        Assert.Contains("push_failure_time_seconds{customer=\"acme\",job=\"node\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_name_from_several_groups_is_one_contiguous_family()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "a")), PushMethod.Replace, "# TYPE up gauge\nup 1\n");
        await _store.PushAsync("globex", GroupingKey.Of(("job", "b")), PushMethod.Replace, "# HELP up Up.\n# TYPE up gauge\nup 0\n");

        var families = TextFormatParser.Parse(Scrape());

        var up = Assert.Single(families, f => f.Name == "up");
        Assert.Equal(2, up.Samples.Count);
        Assert.Equal("Up.", up.Help);
    }

    [Fact]
    public async Task Families_without_help_get_a_generic_help()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "a")), PushMethod.Replace, "up 1\n");

        Assert.Contains($"# HELP up {PushedMetricsSource.DefaultHelp}\n", Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_two_customers_push_a_name_with_two_types_the_first_group_keeps_it_and_the_scrape_still_works()
    {
        await _store.PushAsync("acme", GroupingKey.Of(("job", "a")), PushMethod.Replace, "# TYPE jobs_total counter\njobs_total 1\n");
        _time.Advance(Duration.FromSeconds(1));
        await _store.PushAsync("globex", GroupingKey.Of(("job", "b")), PushMethod.Replace, "# TYPE jobs_total gauge\njobs_total 7\n");

        var text = Scrape();

        Assert.Contains("jobs_total{customer=\"acme\",job=\"a\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jobs_total{customer=\"globex\"", text, StringComparison.Ordinal);
        Assert.Contains("standbyops_push_hidden_families{customer=\"globex\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_groups_nothing_is_added()
    {
        Assert.DoesNotContain("push_time_seconds", Scrape(), StringComparison.Ordinal);
    }

    private string Scrape() => TextFormatWriter.Render(_registry.Collect());
}
