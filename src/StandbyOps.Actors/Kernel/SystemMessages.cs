namespace StandbyOps.Actors.Kernel;

/// <summary>Lifecycle signals between cells; they bypass the user queue and are handled even while an actor is suspended.</summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}

/// <summary>Create the first instance.</summary>
internal sealed class Create : SystemMessage
{
}

/// <summary>Stop: children first, then <c>PostStop</c>.</summary>
internal sealed class Terminate : SystemMessage
{
}

/// <summary>The supervisor chose restart and its backoff has passed.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>The supervisor chose resume.</summary>
internal sealed class Resume : SystemMessage
{
}

/// <summary>A child failed and waits for its parent's decision.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>A child has fully stopped; its name is free again.</summary>
internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}

/// <summary>Register a watcher (sent to the watched cell).</summary>
internal sealed class Watch(IActorRef watcher) : SystemMessage
{
    public IActorRef Watcher { get; } = watcher;
}

/// <summary>Remove a watcher (sent to the watched cell).</summary>
internal sealed class Unwatch(IActorRef watcher) : SystemMessage
{
    public IActorRef Watcher { get; } = watcher;
}

/// <summary>Carries a <see cref="Terminated"/> through the watcher's user queue, so it is dropped if the watch was cancelled meanwhile.</summary>
internal sealed class DeathWatchNotification(Terminated terminated) : InternalMessage
{
    public Terminated Terminated { get; } = terminated;
}

/// <summary>Queued behind everything told before a graceful shutdown; reaching it means the mailbox is drained.</summary>
internal sealed class DrainMarker : InternalMessage
{
    public static readonly DrainMarker Instance = new();
}
