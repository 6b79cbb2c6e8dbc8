namespace StandbyOps.Actors;

/// <summary>
/// An actor that declares its handlers with <see cref="Receive{T}(Action{T}, Func{T, bool}?)"/> in its
/// constructor. Handlers are tried in declaration order; the first whose type (and predicate) matches wins.
/// </summary>
/// <remarks>
/// Async handlers run one message at a time like sync ones: the actor takes no further message until
/// the returned task completes, and a faulted task counts as a failure of that message.
/// </remarks>
public abstract class ReceiveActor : ActorBase
{
    private Handler[] _handlers = [];
    private int _count;

    /// <summary>Handles messages of type <typeparamref name="T"/> (that satisfy <paramref name="when"/>, if given).</summary>
    protected void Receive<T>(Action<T> handler, Func<T, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new SyncHandler<T>(handler, when));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously, still one message at a time.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Func<T, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(handler, when));
    }

    /// <summary>Handles every message not matched by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>
    /// Replaces all handlers with those declared by <paramref name="configure"/>, from the next message on
    /// (a state change, e.g. from <c>Idle</c> to <c>Escalating</c>).
    /// </summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _handlers = [];
        _count = 0;
        configure();
    }

    internal sealed override Task? Dispatch(object message)
    {
        var handlers = _handlers;
        for (var i = 0; i < _count; i++)
        {
            if (handlers[i].TryHandle(message, out var pending))
            {
                return pending;
            }
        }

        OnUnhandled(message);
        return null;
    }

    private void Add(Handler handler)
    {
        if (_count == _handlers.Length)
        {
            Array.Resize(ref _handlers, Math.Max(2, _count * 2));
        }

        _handlers[_count++] = handler;
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message, out Task? pending);
    }

    private sealed class SyncHandler<T>(Action<T> handler, Func<T, bool>? when) : Handler
    {
        public override bool TryHandle(object message, out Task? pending)
        {
            pending = null;
            if (message is not T typed || (when is not null && !when(typed)))
            {
                return false;
            }

            handler(typed);
            return true;
        }
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Func<T, bool>? when) : Handler
    {
        public override bool TryHandle(object message, out Task? pending)
        {
            pending = null;
            if (message is not T typed || (when is not null && !when(typed)))
            {
                return false;
            }

            pending = handler(typed);
            return true;
        }
    }
}
