using Akka.Configuration;
using NodaTime;
using StandbyOps.Configuration.Cluster;
using StandbyOps.Server.Cluster;

namespace StandbyOps.IntegrationTests.Cluster;

/// <summary><c>cluster.heartbeatPause</c> and <c>cluster.stableAfter</c> reach Akka's failure detector and split-brain resolver.</summary>
public sealed class ClusterTimingsTests
{
    private static readonly ClusterNodeAddress[] Seeds = [new("10.0.0.11", 4053)];

    [Fact]
    public void The_defaults_down_a_lost_node_after_a_2_s_pause_and_a_view_stable_for_4_s()
    {
        var akka = ConfigurationFactory.ParseString(ClusterHosting.Timings(new ClusterConfig("10.0.0.11", 4053, Seeds)));

        Assert.Equal(TimeSpan.FromSeconds(2), akka.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromSeconds(4), akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
    }

    [Fact]
    public void Configured_timings_replace_the_defaults()
    {
        var cluster = new ClusterConfig("10.0.0.11", 4053, Seeds) { HeartbeatPause = Duration.FromMilliseconds(5500), StableAfter = Duration.FromSeconds(10) };

        var akka = ConfigurationFactory.ParseString(ClusterHosting.Timings(cluster));

        Assert.Equal(TimeSpan.FromMilliseconds(5500), akka.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromSeconds(10), akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
    }
}
