using NodaTime;

namespace StandbyOps.Actors.Kernel;

/// <summary>
/// The parts of a cell most actors never use (children, watches, timers, restart bookkeeping), allocated
/// on first use so an idle leaf actor stays small. Guarded by the cell's turn, except
/// <see cref="Children"/>, which is also read by other threads and guarded by locking this object.
/// </summary>
internal sealed class CellExtras
{
    public Dictionary<string, ActorCell>? Children;

    /// <summary>Set when the cell starts stopping: children created afterwards are stopped at once.</summary>
    public bool ChildrenClosed;

    public int GeneratedNames;
    public HashSet<IActorRef>? Watchers;
    public HashSet<IActorRef>? Watching;
    public TimerScheduler? Timers;

    /// <summary>Children whose failure this cell escalated; they follow this cell's own resume or restart.</summary>
    public List<ActorCell>? Escalated;

    /// <summary>Restarts within the current window; written only by the parent's turn.</summary>
    public int RestartCount;

    public Instant? RestartWindowStart;

    /// <summary>A restart waiting for stopping children to finish (so their names are free again).</summary>
    public Exception? PendingRecreate;

    public object? FailedMessage;

    /// <summary>Re-schedules the cell when an async handler's task completes; cached per cell.</summary>
    public Action? ResumeAfterTask;
}
