using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Server.Cluster;

/// <summary>
/// Keeps every node's <see cref="SystemStatusBoard"/> complete in multi-node mode: each status a monitor sets on this
/// node is published on a distributed pub-sub topic, and statuses published by the other nodes' monitors are mirrored
/// into this node's board, so the status API and web pages of any node show every system.
/// </summary>
public sealed class StatusMirror : ReceiveActor
{
    /// <summary>The pub-sub topic of monitor statuses.</summary>
    public const string Topic = "monitor-status";

    private readonly SystemStatusBoard _board;
    private readonly IActorRef _mediator;
    private readonly string _self;
    private readonly Action<string, MonitorStatus> _publish;

    /// <summary>Creates the mirror (Akka creates it from <see cref="Props"/>).</summary>
    public StatusMirror(SystemStatusBoard board)
    {
        _board = board;
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        _self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        var mediator = _mediator;
        var self = _self;
        _publish = (systemId, status) => mediator.Tell(new Publish(Topic, new StatusPublished(self, systemId, status)));
        Receive<StatusPublished>(m =>
        {
            if (m.Node != _self)
            {
                _board.Mirror(m.SystemId, m.Status);
            }
        });
        Receive<SubscribeAck>(_ => { });
    }

    /// <summary>The props of the mirror of <paramref name="board"/>.</summary>
    public static Props Props(SystemStatusBoard board) => Akka.Actor.Props.Create(() => new StatusMirror(board));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _mediator.Tell(new Subscribe(Topic, Self));
        _board.Published += _publish;
    }

    /// <inheritdoc />
    protected override void PostStop() => _board.Published -= _publish;
}
