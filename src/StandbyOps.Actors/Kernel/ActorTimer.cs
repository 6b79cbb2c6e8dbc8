using NodaTime;

namespace StandbyOps.Actors.Kernel;

/// <summary>
/// One started timer. Each start creates a new instance, which acts as the key's generation: the
/// cell delivers a fired instance only if it is still the one registered under its key.
/// </summary>
internal sealed class ActorTimer : InternalMessage
{
    private readonly Lock _gate = new();
    private readonly ActorCell _cell;
    private readonly Duration? _interval;
    private IDisposable? _handle;
    private bool _cancelled;

    public ActorTimer(ActorCell cell, object key, object message, Duration? interval)
    {
        _cell = cell;
        Key = key;
        Message = message;
        _interval = interval;
    }

    public object Key { get; }

    public object Message { get; }

    public bool IsPeriodic => _interval.HasValue;

    public void Schedule(Duration delay)
    {
        lock (_gate)
        {
            if (!_cancelled)
            {
                _handle = _cell.System.Scheduler.ScheduleOnce(delay, Fire);
            }
        }
    }

    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            _handle?.Dispose();
            _handle = null;
        }
    }

    // Runs on the scheduler's thread. The next period is scheduled here rather than when the actor
    // handles the message, so virtual time fires every period that an advance covers.
    private void Fire()
    {
        lock (_gate)
        {
            if (_cancelled)
            {
                return;
            }

            _cell.EnqueueInternal(this);
            _handle = _interval is { } interval ? _cell.System.Scheduler.ScheduleOnce(interval, Fire) : null;
        }
    }
}
