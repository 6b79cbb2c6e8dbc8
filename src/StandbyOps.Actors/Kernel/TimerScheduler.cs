using NodaTime;
using StandbyOps.Actors.Timers;

namespace StandbyOps.Actors.Kernel;

/// <summary>The per-actor timer table, created on first use and touched only by the actor's own turn.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, ActorTimer> _timers = [];

    public void StartSingleTimer(object key, object message, Duration delay) => Start(key, message, delay, null);

    public void StartPeriodicTimer(object key, object message, Duration interval) => StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, Duration initialDelay, Duration interval)
    {
        if (interval <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer needs a positive interval.");
        }

        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _timers.ContainsKey(key);
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var timer))
        {
            timer.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>Resolves a fired timer to the message to deliver, or <c>null</c> if it is stale.</summary>
    public object? Take(ActorTimer fired)
    {
        if (!_timers.TryGetValue(fired.Key, out var current) || !ReferenceEquals(current, fired))
        {
            return null;
        }

        if (!fired.IsPeriodic)
        {
            _timers.Remove(fired.Key);
        }

        return fired.Message;
    }

    private void Start(object key, object message, Duration delay, Duration? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var timer = new ActorTimer(cell, key, message, interval);
        _timers[key] = timer;
        timer.Schedule(delay);
    }
}
