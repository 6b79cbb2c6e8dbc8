namespace StandbyOps.Metrics.Tests.Instruments;

public class GaugeTests
{
    private readonly MetricsRegistry _registry = new();

    [Fact]
    public void Set_inc_and_dec_move_the_value()
    {
        var gauge = _registry.Gauge("queue_depth", "Depth.");

        gauge.Set(10);
        gauge.Inc(2.5);
        gauge.Dec();

        Assert.Equal(11.5, gauge.Value);
    }

    [Fact]
    public void Incrementing_a_nan_gauge_completes_and_stays_nan()
    {
        var gauge = _registry.Gauge("ratio", "Ratio.");
        gauge.Set(double.NaN);

        gauge.Inc();

        Assert.True(double.IsNaN(gauge.Value));
    }

    [Fact]
    public void Concurrent_inc_and_dec_cancel_out()
    {
        var gauge = _registry.Gauge("in_flight", "In flight.", "route").WithLabels("/a");

        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                if (worker % 2 == 0)
                {
                    gauge.Inc();
                }
                else
                {
                    gauge.Dec();
                }
            }
        });

        Assert.Equal(0, gauge.Value);
    }
}
