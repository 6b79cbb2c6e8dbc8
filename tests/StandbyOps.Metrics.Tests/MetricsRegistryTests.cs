using StandbyOps.Metrics.Instruments;

namespace StandbyOps.Metrics.Tests;

public class MetricsRegistryTests
{
    private readonly MetricsRegistry _registry = new();

    [Fact]
    public void Registering_the_same_counter_twice_returns_the_same_metric()
    {
        var first = _registry.Counter("pages_total", "Pages.", "channel");

        Assert.Same(first, _registry.Counter("pages_total", "Pages.", "channel"));
    }

    [Fact]
    public void Registering_the_same_histogram_twice_returns_the_same_metric()
    {
        var first = _registry.Histogram("latency_seconds", "Latency.", [0.1, 1]);

        Assert.Same(first, _registry.Histogram("latency_seconds", "Latency.", [0.1, 1]));
    }

    [Fact]
    public void Registering_a_name_with_other_labels_throws()
    {
        _registry.Counter("pages_total", "Pages.", "channel");

        var error = Assert.Throws<ArgumentException>(() => _registry.Counter("pages_total", "Pages.", "channel", "customer"));
        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_a_name_as_another_type_throws()
    {
        _registry.Gauge("queue_depth", "Depth.");

        Assert.Throws<ArgumentException>(() => _registry.Histogram("queue_depth", "Depth.", [1]));
    }

    [Fact]
    public void Registering_a_histogram_with_other_buckets_throws()
    {
        _registry.Histogram("latency_seconds", "Latency.", [0.1, 1]);

        Assert.Throws<ArgumentException>(() => _registry.Histogram("latency_seconds", "Latency.", [0.1, 2]));
    }

    [Fact]
    public void Registering_a_name_with_other_help_throws()
    {
        _registry.Gauge("queue_depth", "Depth.");

        Assert.Throws<ArgumentException>(() => _registry.Gauge("queue_depth", "Something else."));
    }

    [Theory]
    [InlineData("pages")]
    [InlineData("pages_count_total_x")]
    public void Counter_name_must_end_in_total(string name) =>
        Assert.Throws<ArgumentException>(() => _registry.Counter(name, "Help."));

    [Fact]
    public void Gauge_name_must_not_end_in_total()
    {
        Assert.Throws<ArgumentException>(() => _registry.Gauge("pages_total", "Help."));
    }

    [Theory]
    [InlineData("x_bucket")]
    [InlineData("x_sum")]
    [InlineData("x_count")]
    public void Names_reserved_for_histogram_samples_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => _registry.Gauge(name, "Help."));

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("with-dash")]
    [InlineData("with space")]
    [InlineData("__reserved")]
    public void Invalid_metric_names_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => _registry.Gauge(name, "Help."));

    [Theory]
    [InlineData("1abc")]
    [InlineData("with:colon")]
    [InlineData("__reserved")]
    [InlineData("le")]
    [InlineData("quantile")]
    public void Invalid_or_reserved_label_names_are_rejected(string labelName) =>
        Assert.Throws<ArgumentException>(() => _registry.Gauge("valid_name", "Help.", labelName));

    [Fact]
    public void Metric_names_may_contain_colons()
    {
        Assert.Equal("job:requests:rate5m", _registry.Gauge("job:requests:rate5m", "Recorded.").Name);
    }

    [Fact]
    public void Duplicate_label_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _registry.Gauge("valid_name", "Help.", "a", "a"));
    }

    [Fact]
    public void Help_text_is_required()
    {
        Assert.Throws<ArgumentException>(() => _registry.Gauge("valid_name", " "));
    }

    [Fact]
    public void Gauge_callback_is_read_at_every_collect()
    {
        var depth = 3.0;
        _registry.GaugeFunc("mailbox_depth", "Depth.", () => depth);

        var before = Value(_registry.Collect(), "mailbox_depth");
        depth = 7;
        var after = Value(_registry.Collect(), "mailbox_depth");

        Assert.Equal((3.0, 7.0), (before, after));
    }

    [Fact]
    public void Multi_series_callback_exposes_one_series_per_labelled_value()
    {
        _registry.GaugeFunc("actor_mailbox_depth", "Depth per actor.", ["actor"], () =>
            [new LabelledValue(["pager"], 2), new LabelledValue(["billing"], 5)]);

        var family = Assert.Single(_registry.Collect());

        Assert.Equal(
            [new MetricSample("actor_mailbox_depth", LabelSet.Of(("actor", "billing")), 5), new MetricSample("actor_mailbox_depth", LabelSet.Of(("actor", "pager")), 2)],
            family.Samples);
    }

    [Fact]
    public void Callback_with_the_wrong_number_of_label_values_fails_the_collect()
    {
        _registry.CounterFunc("dead_letters_total", "Dead letters.", ["actor"], () => [new LabelledValue(["a", "b"], 1)]);

        Assert.Throws<InvalidOperationException>(() => _registry.Collect());
    }

    [Fact]
    public void Disposing_a_callback_registration_removes_it_and_frees_the_name()
    {
        var registration = _registry.CounterFunc("dead_letters_total", "Dead letters.", () => 1);

        registration.Dispose();

        Assert.Empty(_registry.Collect());
        _registry.CounterFunc("dead_letters_total", "Dead letters.", () => 2);
        Assert.Equal(2, Value(_registry.Collect(), "dead_letters_total"));
    }

    [Fact]
    public void Registering_a_callback_name_twice_throws()
    {
        _registry.GaugeFunc("mailbox_depth", "Depth.", () => 1);

        Assert.Throws<ArgumentException>(() => _registry.GaugeFunc("mailbox_depth", "Depth.", () => 2));
    }

    [Fact]
    public void Source_families_are_merged_into_the_registry_family_of_the_same_name()
    {
        _registry.Gauge("disk_free_bytes", "Free bytes.", "host").WithLabels("b").Set(2);
        _registry.Gauge("zz_last", "Sorted last.").Set(1);
        _registry.AddSource(new FixedSource(
            new MetricFamily("disk_free_bytes", "Pushed help.", MetricType.Gauge, [new MetricSample("disk_free_bytes", LabelSet.Of(("host", "a")), 1)]),
            new MetricFamily("aa_first", null, MetricType.Untyped, [new MetricSample("aa_first", LabelSet.Empty, 3)])));

        var families = _registry.Collect();

        Assert.Equal(["aa_first", "disk_free_bytes", "zz_last"], families.Select(f => f.Name));
        Assert.Equal("Free bytes.", families[1].Help);
        Assert.Equal(["a", "b"], families[1].Samples.Select(s => s.Labels.Get("host")));
    }

    [Fact]
    public void Source_family_with_another_type_is_a_conflict()
    {
        _registry.Gauge("disk_free_bytes", "Free bytes.").Set(1);
        _registry.AddSource(new FixedSource(
            new MetricFamily("disk_free_bytes", null, MetricType.Untyped, [new MetricSample("disk_free_bytes", LabelSet.Of(("host", "a")), 1)])));

        var error = Assert.Throws<MetricsConflictException>(() => _registry.Collect());
        Assert.Equal("disk_free_bytes", error.FamilyName);
    }

    [Fact]
    public void Disposing_a_source_registration_removes_it()
    {
        var registration = _registry.AddSource(new FixedSource(
            new MetricFamily("pushed", null, MetricType.Untyped, [new MetricSample("pushed", LabelSet.Empty, 1)])));

        registration.Dispose();

        Assert.Empty(_registry.Collect());
    }

    private static double Value(IReadOnlyList<MetricFamily> families, string name) =>
        families.Single(f => f.Name == name).Samples.Single().Value;

    private sealed class FixedSource(params MetricFamily[] families) : IMetricsSource
    {
        public void Collect(ICollection<MetricFamily> into)
        {
            foreach (var family in families)
            {
                into.Add(family);
            }
        }
    }
}
