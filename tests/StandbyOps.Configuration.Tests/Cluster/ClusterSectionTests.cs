using NodaTime;
using StandbyOps.Configuration.Cluster;

namespace StandbyOps.Configuration.Tests.Cluster;

/// <summary><c>cluster:</c>: the node's address, the seed nodes, and the failure detection timings.</summary>
public sealed class ClusterSectionTests
{
    private const string Postgres = """
        store:
          kind: postgres
          connectionString: ${STANDBYOPS_PG}

        """;

    private static readonly Dictionary<string, string> Environment = new() { ["STANDBYOPS_PG"] = "Host=db;Database=standbyops;Username=app" };

    [Fact]
    public void Without_cluster_a_server_is_one_node()
    {
        Assert.Null(Loading.Load("server: { publicUrl: \"http://127.0.0.1:8080\" }\n").Valid().Cluster);
    }

    [Fact]
    public void A_cluster_reads_its_address_and_seed_nodes_and_downs_a_lost_node_after_2_s_and_a_view_stable_for_4_s()
    {
        var cluster = Loading.Load(Postgres + """
            cluster:
              host: 10.0.0.11
              port: 4053
              seedNodes: ["10.0.0.11:4053", "10.0.0.12:4053"]
            """, Environment).Valid().Cluster!;

        Assert.Equal(("10.0.0.11", 4053), (cluster.Host, cluster.Port));
        Assert.Equal([new ClusterNodeAddress("10.0.0.11", 4053), new ClusterNodeAddress("10.0.0.12", 4053)], cluster.SeedNodes);
        Assert.Equal(Duration.FromSeconds(2), cluster.HeartbeatPause);
        Assert.Equal(Duration.FromSeconds(4), cluster.StableAfter);
    }

    [Fact]
    public void The_failure_detection_can_be_made_more_patient_for_hosts_that_starve_a_node()
    {
        var cluster = Loading.Load(Postgres + """
            cluster:
              host: 10.0.0.11
              port: 4053
              seedNodes: ["10.0.0.11:4053"]
              heartbeatPause: 5s
              stableAfter: 10s
            """, Environment).Valid().Cluster!;

        Assert.Equal(Duration.FromSeconds(5), cluster.HeartbeatPause);
        Assert.Equal(Duration.FromSeconds(10), cluster.StableAfter);
    }

    [Theory]
    [InlineData("heartbeatPause: 500ms", 8, "from 1s to 1m")]
    [InlineData("heartbeatPause: 2m", 8, "from 1s to 1m")]
    [InlineData("stableAfter: 1s", 8, "from 2s to 5m")]
    [InlineData("stableAfter: soon", 8, "stableAfter")]
    public void A_timing_out_of_range_is_an_error_at_its_line(string line, int at, string message)
    {
        var result = Loading.Load(Postgres + $$"""
            cluster:
              host: 10.0.0.11
              port: 4053
              seedNodes: ["10.0.0.11:4053"]
              {{line}}
            """, Environment);

        Assert.Equal(at, result.SingleError().Line);
        Assert.Contains(message, result.SingleError().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_on_the_sqlite_store_is_an_error_saying_what_to_set()
    {
        var result = Loading.Load("""
            cluster:
              host: 10.0.0.11
              port: 4053
              seedNodes: ["10.0.0.11:4053"]
            """);

        result.SingleError().AssertAt(1, ["a cluster needs the shared PostgreSQL store"], ["kind: postgres"]);
    }

    [Fact]
    public void A_seed_node_that_is_not_host_and_port_is_an_error_at_its_line()
    {
        var result = Loading.Load(Postgres + """
            cluster:
              host: 10.0.0.11
              port: 4053
              seedNodes: ["10.0.0.11"]
            """, Environment);

        Assert.Equal(7, result.SingleError().Line);
        Assert.Contains("not a node address", result.SingleError().ToString(), StringComparison.Ordinal);
    }
}
