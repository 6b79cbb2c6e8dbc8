namespace StandbyOps.Actors;

/// <summary>An address to send messages to: an actor, a test probe, an ask reply slot or the dead letters.</summary>
/// <remarks>
/// Refs compare by identity: an actor restarted by its supervisor keeps its ref, a new actor
/// created under a name that was used before gets a new one.
/// </remarks>
public interface IActorRef
{
    /// <summary>The ref's address, e.g. <c>actor://standby/user/pager/incident-42</c>.</summary>
    string Path { get; }

    /// <summary>
    /// Queues <paramref name="message"/> for the recipient and returns at once (fire and forget).
    /// <paramref name="sender"/> is what the recipient sees as <c>Sender</c>; pass <c>Self</c> when
    /// a reply is expected. Messages from one sender arrive in the order they were told.
    /// </summary>
    void Tell(object message, IActorRef? sender = null);
}
