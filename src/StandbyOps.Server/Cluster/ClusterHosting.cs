using System.Globalization;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Remote.Hosting;
using StandbyOps.Configuration.Cluster;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Cluster;

/// <summary>
/// Multi-node mode (<c>cluster:</c>): Akka.Remote on the node's address, Akka.Cluster joined through the seed nodes
/// with a keep-majority split-brain resolver, and the system monitors under Cluster.Sharding by system id (remembered
/// entities, so a lost node's monitors start again on the survivors without waiting for a message).
/// </summary>
public static class ClusterHosting
{
    /// <summary>The actor system's name, part of every node's address.</summary>
    public const string SystemName = "standbyops";

    /// <summary>The shard region's name (the same on every node).</summary>
    public const string RegionName = "monitors";

    /// <summary>
    /// Timings for a pager: a lost node is suspected after <see cref="ClusterConfig.HeartbeatPause"/> (2 s by default)
    /// without heartbeats (unreachable ~4 s after it died, measured) and downed once the view has been stable for
    /// <see cref="ClusterConfig.StableAfter"/> (4 s), its shards move 1 s after it is downed (the removal margin: by then a
    /// minority side has downed itself; the store's claims, not the margin, keep pages single), and the shard coordinator
    /// and regions retry every second, so its monitors run again on the survivors within seconds (Akka's defaults take
    /// ~30 s). The remembered entities live in memory only (replicated to every node): after a full-cluster restart the
    /// nodes announce every configured system themselves.
    /// </summary>
    public static string Timings(ClusterConfig cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return string.Create(CultureInfo.InvariantCulture, $"""
            akka.cluster.failure-detector.heartbeat-interval = 1s
            akka.cluster.failure-detector.acceptable-heartbeat-pause = {cluster.HeartbeatPause.TotalMilliseconds:0}ms
            akka.cluster.split-brain-resolver.stable-after = {cluster.StableAfter.TotalMilliseconds:0}ms
            akka.cluster.down-removal-margin = 1s
            akka.cluster.sharding.distributed-data.durable.keys = []
            akka.cluster.sharding.rebalance-interval = 5s
            akka.cluster.sharding.coordinator-failure-backoff = 1s
            akka.cluster.sharding.retry-interval = 1s
            akka.cluster.run-coordinated-shutdown-when-down = on
            """);
    }

    /// <summary>The Akka address of a node (<c>akka.tcp://standbyops@host:port</c>).</summary>
    public static string AddressOf(ClusterNodeAddress node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return $"akka.tcp://{SystemName}@{node}";
    }

    /// <summary>Adds remoting, clustering and the monitors' shard region, and registers the monitors' door.</summary>
    public static void Configure(AkkaConfigurationBuilder akka, ClusterConfig cluster, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(akka);
        ArgumentNullException.ThrowIfNull(cluster);
        akka.AddHocon(Akka.Configuration.ConfigurationFactory.ParseString(Timings(cluster) + "\n" + InstantWireConverter.Hocon), HoconAddMode.Prepend);
        akka.WithRemoting(new RemoteOptions { HostName = cluster.Host, Port = cluster.Port });
        akka.WithClustering(new ClusterOptions
        {
            SeedNodes = [.. cluster.SeedNodes.Select(AddressOf)],
            SplitBrainResolver = new KeepMajorityOption(),
        });
        var live = services.GetRequiredService<LiveConfig>();
        var monitorServices = services.GetRequiredService<MonitorServices>();
        var targets = monitorServices.Targets ?? throw new InvalidOperationException("Multi-node monitors need MonitorServices.Targets.");
        akka.WithDistributedPubSub(role: "");
        akka.WithShardRegion<MonitorRegion>(
            RegionName,
            systemId => SystemMonitor.Props(targets.Find(systemId) ?? MonitoredSystem.Unconfigured(systemId), monitorServices),
            new MonitorMessageExtractor(),
            new ShardOptions
            {
                RememberEntities = true,
                RememberEntitiesStore = RememberEntitiesStore.DData,
                StateStoreMode = StateStoreMode.DData,
            });
        akka.WithActors((system, registry) =>
        {
            var region = registry.Get<MonitorRegion>();
            registry.Register<MonitorSupervisor>(system.ActorOf(ShardedMonitors.Props(region, live.Current, services.GetRequiredService<SystemStatusBoard>()), "monitors"));
            system.ActorOf(StatusMirror.Props(services.GetRequiredService<SystemStatusBoard>()), "status-mirror");
            system.ActorOf(ClusterWatcher.Props(region, services.GetRequiredService<ClusterView>(), services.GetRequiredService<ClusterMetrics>(),
                services.GetRequiredService<ILogger<ClusterWatcher>>(), services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping), "cluster-watcher");
        });
    }
}
