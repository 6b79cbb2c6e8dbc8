namespace StandbyOps.Metrics.Tests.Instruments;

public class HistogramTests
{
    private readonly MetricsRegistry _registry = new();

    [Fact]
    public void Observations_land_in_the_first_bucket_whose_bound_is_not_below_them()
    {
        var histogram = _registry.Histogram("latency_seconds", "Latency.", [0.1, 0.5, 1]);
        foreach (var value in new[] { 0.05, 0.1, 0.3, 1, 5 })
        {
            histogram.Observe(value);
        }

        Assert.Equal([2, 3, 4, 5], CumulativeBuckets());
    }

    [Fact]
    public void Binary_search_for_many_buckets_agrees_with_the_bounds()
    {
        var histogram = _registry.Histogram("size_bytes", "Size.", Metrics.Instruments.HistogramBuckets.Exponential(1, 2, 30));

        histogram.Observe(1);
        histogram.Observe(3);
        histogram.Observe(1e12);

        var buckets = CumulativeBuckets();
        Assert.Equal((1.0, 1.0, 2.0, 2.0, 3.0), (buckets[0], buckets[1], buckets[2], buckets[29], buckets[30]));
    }

    [Fact]
    public void Inf_bucket_equals_count_and_sum_adds_observations()
    {
        var series = _registry.Histogram("latency_seconds", "Latency.", [1], "route").WithLabels("/a");

        series.Observe(0.5);
        series.Observe(2.25);

        Assert.Equal((2L, 2.75), (series.Count, series.Sum));
        var samples = _registry.Collect()[0].Samples;
        Assert.Equal(samples.Single(s => s.Labels.Get("le") == "+Inf").Value, samples.Single(s => s.Name == "latency_seconds_count").Value);
    }

    [Fact]
    public void Trailing_infinite_bucket_is_implied_and_may_be_given()
    {
        var histogram = _registry.Histogram("latency_seconds", "Latency.", [1, double.PositiveInfinity]);

        Assert.Equal([1.0], histogram.Buckets);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { double.NaN })]
    [InlineData(new[] { double.NegativeInfinity, 1.0 })]
    public void Bounds_must_be_finite_and_increasing(double[] buckets) =>
        Assert.Throws<ArgumentException>(() => _registry.Histogram("latency_seconds", "Latency.", buckets));

    [Fact]
    public void Concurrent_observations_keep_buckets_and_count_consistent()
    {
        var histogram = _registry.Histogram("latency_seconds", "Latency.", [1]);

        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                histogram.Observe(worker % 2 == 0 ? 0.5 : 2);
            }
        });

        Assert.Equal([50_000, 100_000], CumulativeBuckets());
    }

    private double[] CumulativeBuckets() =>
        [.. _registry.Collect()[0].Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Value)];
}
