namespace StandbyOps.Metrics.Tests;

public class MetricFamilyMergerTests
{
    [Fact]
    public void Families_of_one_name_become_one_family_with_the_first_help()
    {
        var merged = MetricFamilyMerger.Merge(
        [
            Gauge("up", null, ("job", "b")),
            Gauge("up", "Is it up.", ("job", "a")),
            Gauge("up", "Other help.", ("job", "c")),
        ]);

        var family = Assert.Single(merged);
        Assert.Equal("Is it up.", family.Help);
        Assert.Equal(["a", "b", "c"], family.Samples.Select(s => s.Labels.Get("job")));
    }

    [Fact]
    public void Same_series_from_two_producers_is_a_conflict()
    {
        var error = Assert.Throws<MetricsConflictException>(() =>
            MetricFamilyMerger.Merge([Gauge("up", null, ("job", "a")), Gauge("up", null, ("job", "a"))]));

        Assert.Contains("up{job=\"a\"} is exposed more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Family_named_like_a_histogram_sample_is_a_conflict()
    {
        var histogram = new MetricFamily("h", null, MetricType.Histogram,
        [
            new MetricSample("h_bucket", LabelSet.Of(("le", "+Inf")), 1),
            new MetricSample("h_count", LabelSet.Empty, 1),
        ]);

        var error = Assert.Throws<MetricsConflictException>(() => MetricFamilyMerger.Merge([histogram, Gauge("h_count", null, ("job", "x"))]));

        Assert.Equal("h", error.FamilyName);
    }

    [Fact]
    public void Histogram_series_keep_buckets_sum_and_count_together()
    {
        MetricFamily Histogram(string job) => new("h", null, MetricType.Histogram,
        [
            new MetricSample("h_bucket", LabelSet.Of(("job", job), ("le", "1")), 1),
            new MetricSample("h_bucket", LabelSet.Of(("job", job), ("le", "+Inf")), 1),
            new MetricSample("h_sum", LabelSet.Of(("job", job)), 0.5),
            new MetricSample("h_count", LabelSet.Of(("job", job)), 1),
        ]);

        var family = Assert.Single(MetricFamilyMerger.Merge([Histogram("b"), Histogram("a")]));

        Assert.Equal(
            ["h_bucket a", "h_bucket a", "h_sum a", "h_count a", "h_bucket b", "h_bucket b", "h_sum b", "h_count b"],
            family.Samples.Select(s => $"{s.Name} {s.Labels.Get("job")}"));
    }

    [Fact]
    public void Families_without_samples_are_dropped()
    {
        Assert.Empty(MetricFamilyMerger.Merge([new MetricFamily("x", "Help.", MetricType.Gauge, [])]));
    }

    private static MetricFamily Gauge(string name, string? help, params (string Name, string Value)[] labels) =>
        new(name, help, MetricType.Gauge, [new MetricSample(name, LabelSet.Of(labels), 1)]);
}
