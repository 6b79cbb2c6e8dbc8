using StandbyOps.Monitoring.Heartbeats;

namespace StandbyOps.Monitoring.Tests.Heartbeats;

public sealed class HeartbeatPingsTests
{
    [Theory]
    [InlineData(null, PingKind.Success)]
    [InlineData("start", PingKind.Start)]
    [InlineData("fail", PingKind.Fail)]
    [InlineData("0", PingKind.Success)]
    [InlineData("1", PingKind.Fail)]
    [InlineData("255", PingKind.Fail)]
    public void Path_suffixes_follow_the_healthchecks_conventions(string? suffix, PingKind expected)
    {
        Assert.True(HeartbeatPings.TryParseSuffix(suffix, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("done")]
    public void Other_suffixes_are_refused(string suffix) => Assert.False(HeartbeatPings.TryParseSuffix(suffix, out _));
}
