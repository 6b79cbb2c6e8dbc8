using NodaTime;

namespace StandbyOps.Actors.Time;

/// <summary>The production <see cref="IScheduler"/>: a given clock plus thread-pool timers.</summary>
/// <remarks>
/// Delays are measured by the runtime's monotonic timer, not by the clock, so a wall-clock jump
/// neither fires nor postpones callbacks. The clock (normally <c>SystemClock.Instance</c>) is
/// passed in by the composition root.
/// </remarks>
public sealed class SystemScheduler : IScheduler
{
    // System.Threading.Timer accepts at most 0xfffffffe ms (~49.7 days); longer delays are chained.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(0xfffffffe - 1);

    private readonly IClock _clock;

    /// <summary>Creates a scheduler reading <paramref name="clock"/> for the current instant.</summary>
    public SystemScheduler(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant() => _clock.GetCurrentInstant();

    /// <inheritdoc />
    public IDisposable ScheduleOnce(Duration delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var wait = delay < Duration.Zero ? TimeSpan.Zero : delay.ToTimeSpan();
        return new ScheduledCallback(action, wait);
    }

    private sealed class ScheduledCallback : IDisposable
    {
        private readonly Action _action;
        private readonly Timer _timer;
        private TimeSpan _remaining;
        private bool _done;

        public ScheduledCallback(Action action, TimeSpan wait)
        {
            _action = action;
            _remaining = wait;
            // The timer's state is this object, which holds the timer: the runtime's timer queue keeps
            // the pair alive until it fires even if the caller drops the handle.
            _timer = new Timer(static state => ((ScheduledCallback)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            lock (_timer)
            {
                Arm();
            }
        }

        public void Dispose()
        {
            lock (_timer)
            {
                if (!_done)
                {
                    _done = true;
                    _timer.Dispose();
                }
            }
        }

        // Called under the lock.
        private void Arm()
        {
            var step = _remaining > MaxTimerDelay ? MaxTimerDelay : _remaining;
            _remaining -= step;
            _timer.Change(step, Timeout.InfiniteTimeSpan);
        }

        private void Fire()
        {
            lock (_timer)
            {
                if (_done)
                {
                    return;
                }

                if (_remaining > TimeSpan.Zero)
                {
                    Arm();
                    return;
                }

                _done = true;
                _timer.Dispose();
            }

            _action();
        }
    }
}
