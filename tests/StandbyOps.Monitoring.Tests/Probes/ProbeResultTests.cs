using StandbyOps.Monitoring.Probes;

namespace StandbyOps.Monitoring.Tests.Probes;

public sealed class ProbeResultTests
{
    [Fact]
    public void Reason_longer_than_the_limit_is_cut_with_an_ellipsis()
    {
        var result = ProbeResult.Failed(TimeSpan.Zero, new string('x', 500));

        Assert.Equal(ProbeResult.MaxReasonLength, result.Reason.Length);
        Assert.EndsWith("…", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_spanning_lines_becomes_one_line()
    {
        var result = ProbeResult.Failed(TimeSpan.Zero, "first\nsecond\r\nthird");

        Assert.Equal("first second third", result.Reason);
    }

    [Fact]
    public void Blank_reason_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ProbeResult.Passed(TimeSpan.Zero, " "));
    }

    [Fact]
    public void Negative_latency_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProbeResult.Passed(TimeSpan.FromMilliseconds(-1), "HTTP 200"));
    }
}
