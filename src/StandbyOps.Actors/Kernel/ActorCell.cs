using System.Diagnostics;
using StandbyOps.Actors.DeadLetters;
using StandbyOps.Actors.Timers;

namespace StandbyOps.Actors.Kernel;

/// <summary>
/// One actor's runtime: its ref, its mailbox and the loop that feeds the instance one message at a time.
/// </summary>
/// <remarks>
/// The mailbox is an intrusive multi-producer, single-consumer queue (Vyukov): a Tell is one allocation
/// (the envelope), one interlocked exchange, and a scheduling compare-and-swap when the actor was idle.
/// A scheduled cell runs on the thread pool as its own work item and handles up to
/// <see cref="ActorSystemOptions.Throughput"/> messages per turn. System messages (lifecycle,
/// supervision, watch) sit on a separate lock-free stack and are handled before and between user messages.
/// Everything not in the envelope path lives in <see cref="CellExtras"/>, allocated on first use.
/// </remarks>
internal sealed partial class ActorCell : IActorRef, IActorContext, IThreadPoolWorkItem, ISystemBound
{
    [ThreadStatic]
    private static ActorCell? _constructing;

    [ThreadStatic]
    private static bool _inTurn;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly string _name;
    private readonly Props _props;
    private string? _path;

    // Mailbox: producers swap themselves into _head; the consumer walks from _tail (a consumed stub).
    private Envelope _head;
    private Envelope _tail;
    private SystemMessage? _systemMessages;
    private int _scheduled;
    private long _processed;

    // Owned by the cell's turn.
    private ActorBase? _actor;
    private IActorRef? _sender;
    private object? _currentMessage;
    private Task? _pending;
    private long _pendingStarted;
    private bool _suspended;
    private bool _terminating;
    private volatile bool _terminated;
    private volatile bool _stopRequested;
    private int _drainPending;
    private CellExtras? _extras;

    public ActorCell(ActorSystem system, ActorCell? parent, string name, Props props)
    {
        _system = system;
        _parent = parent;
        _name = name;
        _props = props;
        _head = _tail = new Envelope(null, null);
    }

    /// <summary>The cell whose instance is being constructed on this thread (read by <see cref="ActorBase"/>'s constructor).</summary>
    internal static ActorCell? Constructing => _constructing;

    public string Path => _path ??= _parent is null ? $"actor://{_system.Name}/user" : $"{_parent.Path}/{_name}";

    public Props Props => _props;

    public ActorSystem System => _system;

    public IActorRef Self => this;

    public IActorRef Sender => _sender ?? _system.DeadLetters;

    public IActorRef Parent => (IActorRef?)_parent ?? this;

    public ITimerScheduler Timers => Extras.Timers ??= new TimerScheduler(this);

    /// <summary>
    /// User messages waiting, counted by walking the queue: a scrape pays for it, not every Tell. Racing
    /// with the consumer it may count a few messages that were just taken.
    /// </summary>
    public long MailboxDepth
    {
        get
        {
            long depth = 0;
            for (var node = Volatile.Read(ref _tail).Next; node is not null; node = Volatile.Read(ref node.Next))
            {
                depth++;
            }

            return depth;
        }
    }

    public long Processed => Volatile.Read(ref _processed);

    private CellExtras Extras => _extras ?? Interlocked.CompareExchange(ref _extras, new CellExtras(), null) ?? _extras;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_terminated)
        {
            DeadLetter(message, sender);
        }
        else if (_system.IsRefusingMessages)
        {
            _system.DeadLetters.Publish(message, sender, this, DeadLetterReason.ShuttingDown);
        }
        else
        {
            Enqueue(new Envelope(message, sender));
        }
    }

    public override string ToString() => Path;

    /// <summary>Queues a kernel message; unlike <see cref="Tell"/> it is never refused and dropped silently once the cell has stopped.</summary>
    internal void EnqueueInternal(InternalMessage message, IActorRef? sender = null)
    {
        if (!_terminated)
        {
            Enqueue(new Envelope(message, sender));
        }
    }

    internal void SendSystem(SystemMessage message)
    {
        var top = Volatile.Read(ref _systemMessages);
        while (true)
        {
            message.Next = top;
            var seen = Interlocked.CompareExchange(ref _systemMessages, message, top);
            if (ReferenceEquals(seen, top))
            {
                break;
            }

            top = seen;
        }

        TrySchedule();
    }

    /// <summary>Asks the cell to stop (children first) after the message it is handling.</summary>
    internal void Stop()
    {
        _stopRequested = true;
        SendSystem(new Terminate());
    }

    /// <summary>Graceful shutdown: queue a marker behind everything told so far and report when it is reached.</summary>
    internal void BeginDrain()
    {
        Interlocked.Exchange(ref _drainPending, 1);
        EnqueueInternal(DrainMarker.Instance);
        if (_terminated)
        {
            MarkDrained();
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        _inTurn = true;
        try
        {
            RunTurn();
        }
        finally
        {
            _inTurn = false;
        }
    }

    private void RunTurn()
    {
        if (_pending is not null)
        {
            CompletePending();
        }

        ProcessSystemMessages();
        Task? yielded = null;
        if (_terminated)
        {
            DrainToDeadLetters();
        }
        else
        {
            var budget = _system.Throughput;
            var taken = 0;
            while (taken < budget && !_suspended && !_terminating && TryDequeue(out var message, out var sender))
            {
                taken++;

                // Counted before the handler runs, so anyone who saw its effects also sees the count.
                Volatile.Write(ref _processed, _processed + 1);
                yielded = Invoke(message, sender);
                if (yielded is not null)
                {
                    break;
                }

                if (Volatile.Read(ref _systemMessages) is not null)
                {
                    ProcessSystemMessages();
                }
            }
        }

        if (yielded is not null)
        {
            // The turn stays ours until the task completes; its continuation queues the cell again.
            // Nothing may touch the cell's state after this registration.
            _pending = yielded;
            var resume = Extras.ResumeAfterTask ??= () => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            yielded.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(resume);
            return;
        }

        // Release the turn, then look again: a producer that saw us scheduled relied on this check.
        Interlocked.Exchange(ref _scheduled, 0);
        if (HasWork())
        {
            TrySchedule();
        }
    }

    private void Enqueue(Envelope envelope)
    {
        var previous = Interlocked.Exchange(ref _head, envelope);
        Volatile.Write(ref previous.Next, envelope);
        TrySchedule();
    }

    private bool TryDequeue(out object message, out IActorRef? sender)
    {
        var next = Volatile.Read(ref _tail.Next);
        if (next is null)
        {
            message = null!;
            sender = null;
            return false;
        }

        // The dequeued node becomes the new stub; clear it so the message can be collected.
        message = next.Message!;
        sender = next.Sender;
        next.Message = null;
        next.Sender = null;
        Volatile.Write(ref _tail, next);
        return true;
    }

    private void TrySchedule()
    {
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            // A Tell made inside an actor's turn queues the recipient on the same worker, which is about to
            // be free and still has the message in cache (idle workers steal from it). Any other thread, a
            // request handler say, may stay busy for long, so its Tells go to the global queue.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: _inTurn);
        }
    }

    // _head is compared rather than _tail.Next: a producer between its exchange and its link is then
    // already visible, so the cell is rescheduled instead of the message being stranded.
    private bool HasWork() =>
        Volatile.Read(ref _systemMessages) is not null
        || (!ReferenceEquals(Volatile.Read(ref _head), _tail) && (_terminated || (!_suspended && !_terminating)));

    /// <summary>Runs one user message; returns the task of an async handler that has not completed yet.</summary>
    private Task? Invoke(object message, IActorRef? sender)
    {
        if (message is InternalMessage kernelMessage)
        {
            (var unwrapped, sender) = Unwrap(kernelMessage, sender);
            if (unwrapped is null)
            {
                return null;
            }

            message = unwrapped;
        }
        else if (ReferenceEquals(message, PoisonPill.Instance))
        {
            _stopRequested = true;
            BeginTerminate();
            return null;
        }
        else if (message is Identify identify)
        {
            sender?.Tell(new ActorIdentity(identify.MessageId, this), this);
            return null;
        }

        _currentMessage = message;
        _sender = sender;
        var started = _system.MeasuresProcessing ? Stopwatch.GetTimestamp() : 0;
        try
        {
            var pending = _actor!.Dispatch(message);
            if (pending is null || pending.IsCompletedSuccessfully)
            {
                Finish(started);
                return null;
            }

            if (!pending.IsCompleted)
            {
                _pendingStarted = started;
                return pending;
            }

            Finish(started);
            HandleFailure(TaskFailure(pending), message);
        }
        catch (Exception exception)
        {
            Finish(started);
            HandleFailure(exception, message);
        }

        return null;
    }

    private (object? Message, IActorRef? Sender) Unwrap(InternalMessage message, IActorRef? sender)
    {
        switch (message)
        {
            case ActorTimer timer:
                return (_extras?.Timers?.Take(timer), null);
            case DeathWatchNotification notification:
                var watched = _extras?.Watching?.Remove(notification.Terminated.ActorRef) == true;
                return (watched ? notification.Terminated : null, notification.Terminated.ActorRef);
            case DrainMarker:
                MarkDrained();
                return (null, null);
            default:
                return (null, sender);
        }
    }

    private void CompletePending()
    {
        var task = _pending!;
        _pending = null;
        var message = _currentMessage!;
        Finish(_pendingStarted);
        if (!task.IsCompletedSuccessfully)
        {
            HandleFailure(TaskFailure(task), message);
        }
    }

    private void Finish(long started)
    {
        _currentMessage = null;
        _sender = null;
        if (started != 0)
        {
            _system.ReportProcessingTime(_props.Kind, Stopwatch.GetElapsedTime(started));
        }
    }

    private static Exception TaskFailure(Task task) =>
        task.Exception?.InnerException ?? task.Exception ?? (Exception)new TaskCanceledException(task);

    private void ProcessSystemMessages()
    {
        // Checked first so the common case (none) costs a read, not an interlocked exchange.
        while (Volatile.Read(ref _systemMessages) is not null && Interlocked.Exchange(ref _systemMessages, null) is { } stack)
        {
            // The stack is newest-first; reverse it so system messages are handled in the order sent.
            SystemMessage? ordered = null;
            while (stack is not null)
            {
                var next = stack.Next;
                stack.Next = ordered;
                ordered = stack;
                stack = next;
            }

            while (ordered is not null)
            {
                var next = ordered.Next;
                ordered.Next = null;
                HandleSystemMessage(ordered);
                ordered = next;
            }
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        if (_terminated)
        {
            // Only a late watcher still needs an answer from a stopped actor.
            if (message is Watch late)
            {
                NotifyWatcher(late.Watcher);
            }

            return;
        }

        switch (message)
        {
            case Create:
                CreateInstance(restartCause: null);
                break;
            case Terminate:
                BeginTerminate();
                break;
            case Recreate recreate:
                Restart(recreate.Cause);
                break;
            case Resume:
                ResumeAfterFailure();
                break;
            case Failed failed:
                HandleChildFailure(failed.Child, failed.Cause);
                break;
            case ChildTerminated childTerminated:
                HandleChildTerminated(childTerminated.Child);
                break;
            case Watch watch:
                (Extras.Watchers ??= []).Add(watch.Watcher);
                break;
            case Unwatch unwatch:
                _extras?.Watchers?.Remove(unwatch.Watcher);
                break;
        }
    }

    private void DrainToDeadLetters()
    {
        while (TryDequeue(out var message, out var sender))
        {
            if (message is InternalMessage)
            {
                continue;
            }

            DeadLetter(message, sender);
        }
    }

    private void DeadLetter(object message, IActorRef? sender)
    {
        if (message is Identify identify)
        {
            sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
            return;
        }

        _system.DeadLetters.Publish(message, sender, this, DeadLetterReason.RecipientTerminated);
    }

    private void MarkDrained()
    {
        if (Interlocked.Exchange(ref _drainPending, 0) == 1)
        {
            _system.CellDrained();
        }
    }
}
