namespace StandbyOps.Metrics.Tests.Instruments;

public class CounterTests
{
    private readonly MetricsRegistry _registry = new();

    [Fact]
    public void Whole_and_fractional_increments_add_up()
    {
        var counter = _registry.Counter("work_seconds_total", "Work.");

        counter.Inc();
        counter.Inc(2);
        counter.Inc(0.25);

        Assert.Equal(3.25, counter.Value);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Negative_or_nan_increment_throws(double amount)
    {
        var counter = _registry.Counter("work_total", "Work.");

        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Inc(amount));
        Assert.Equal(0, counter.Value);
    }

    [Fact]
    public void With_labels_returns_the_same_series_for_the_same_values()
    {
        var counter = _registry.Counter("pages_total", "Pages.", "channel");

        counter.WithLabels("sms").Inc();
        counter.WithLabels("sms").Inc();

        Assert.Equal(2, counter.WithLabels("sms").Value);
        Assert.Equal(0, counter.WithLabels("voice").Value);
    }

    [Fact]
    public void Reusing_the_label_array_does_not_change_an_existing_series()
    {
        var counter = _registry.Counter("pages_total", "Pages.", "channel");
        var values = new[] { "sms" };
        counter.WithLabels(values).Inc();

        values[0] = "voice";
        counter.WithLabels(values).Inc(5);

        Assert.Equal((1.0, 5.0), (counter.WithLabels("sms").Value, counter.WithLabels("voice").Value));
    }

    [Fact]
    public void Wrong_number_of_label_values_throws()
    {
        var counter = _registry.Counter("pages_total", "Pages.", "channel", "customer");

        Assert.Throws<ArgumentException>(() => counter.WithLabels("sms"));
    }

    [Fact]
    public void Unlabelled_increment_on_a_labelled_counter_throws()
    {
        var counter = _registry.Counter("pages_total", "Pages.", "channel");

        Assert.Throws<InvalidOperationException>(() => counter.Inc());
    }

    [Fact]
    public void Concurrent_increments_are_not_lost()
    {
        var counter = _registry.Counter("hits_total", "Hits.", "kind");
        var whole = counter.WithLabels("whole");
        var fraction = counter.WithLabels("fraction");

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                whole.Inc();
                fraction.Inc(0.5);
            }
        });

        Assert.Equal((200_000.0, 100_000.0), (whole.Value, fraction.Value));
    }
}
