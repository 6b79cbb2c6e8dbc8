using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace StandbyOps.Server.Cluster;

/// <summary>
/// Follows the cluster from this node: member and reachability events, and every few seconds the monitor shards this
/// node owns. Keeps <see cref="ClusterView"/> and the <c>standbyops_cluster_*</c> metrics current, counts shards that
/// moved onto or off this node (rebalances) and members removed, and says loudly when this node itself is removed
/// (downed by the split-brain resolver): the process then exits non-zero, so its supervisor starts it afresh. A node
/// that leaves because it is stopping (SIGTERM, a deploy) is removed too; that is no failure, and it exits 0.
/// </summary>
public sealed partial class ClusterWatcher : ReceiveActor, IWithTimers
{
    /// <summary>The exit code of a node the cluster removed.</summary>
    public const int RemovedExitCode = 5;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly IActorRef _region;
    private readonly ClusterView _view;
    private readonly ClusterMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private HashSet<string> _shards = new(StringComparer.Ordinal);

    /// <summary>Creates the watcher (Akka creates it from <see cref="Props"/>).</summary>
    public ClusterWatcher(IActorRef region, ClusterView view, ClusterMetrics metrics, ILogger<ClusterWatcher> logger, CancellationToken stopping)
    {
        _stopping = stopping;
        _region = region;
        _view = view;
        _metrics = metrics;
        _logger = logger;
        Receive<ClusterEvent.MemberRemoved>(m =>
        {
            _metrics.MembersRemoved.Inc();
            LogMemberRemoved(m.Member.Address.ToString(), m.PreviousStatus.ToString());
            if (m.Member.Address.Equals(_cluster.SelfAddress))
            {
                SelfRemoved(_logger, _stopping);
            }

            Publish();
        });
        Receive<ClusterEvent.IClusterDomainEvent>(_ => Publish());
        Receive<Poll>(_ => _region.Tell(GetShardRegionState.Instance));
        Receive<CurrentShardRegionState>(OnShards);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of the watcher.</summary>
    /// <param name="stopping">The host's stopping signal: set when this node is stopping on purpose.</param>
    public static Props Props(IActorRef region, ClusterView view, ClusterMetrics metrics, ILogger<ClusterWatcher> logger, CancellationToken stopping) =>
        Akka.Actor.Props.Create(() => new ClusterWatcher(region, view, metrics, logger, stopping));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        var logger = _logger;
        var stopping = _stopping;
        _cluster.RegisterOnMemberRemoved(() => SelfRemoved(logger, stopping));
        Timers.StartPeriodicTimer("poll", Poll.Instance, TimeSpan.Zero, PollInterval);
        Publish();
    }

    /// <inheritdoc />
    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void OnShards(CurrentShardRegionState state)
    {
        var shards = state.Shards.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);
        var moved = shards.Count(s => !_shards.Contains(s)) + _shards.Count(s => !shards.Contains(s));
        if (moved > 0 && _shards.Count + shards.Count > moved)
        {
            // Not the first look (nothing owned before) nor the last (nothing owned after a leave): shards moved.
            _metrics.Rebalances.Inc(moved);
        }

        _shards = shards;
        Publish();
    }

    private void Publish()
    {
        var state = _cluster.State;
        var self = _cluster.SelfMember;
        var snapshot = new ClusterSnapshot(
            _cluster.SelfAddress.ToString(),
            self.Status.ToString(),
            state.Members.Count(m => m.Status == MemberStatus.Up),
            state.Unreachable.Count,
            _shards.Count);
        _view.Current = snapshot;
        _metrics.Update(snapshot);
    }

    private static void SelfRemoved(ILogger logger, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            LogLeft(logger);
            return;
        }

        if (Environment.ExitCode != RemovedExitCode)
        {
            Environment.ExitCode = RemovedExitCode;
            LogSelfRemoved(logger, RemovedExitCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster member {Address} removed (was {Status})")]
    private partial void LogMemberRemoved(string address, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "This node left the cluster because it is stopping; its monitors run on the other nodes")]
    private static partial void LogLeft(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "This node was removed from the cluster (downed, or it left); the process stops with exit code {ExitCode} so that it is started afresh and rejoins")]
    private static partial void LogSelfRemoved(ILogger logger, int exitCode);

    private sealed class Poll
    {
        public static readonly Poll Instance = new();
    }
}
