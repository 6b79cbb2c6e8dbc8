using NodaTime;

namespace StandbyOps.Actors.Time;

/// <summary>
/// A fake clock and scheduler for tests: time stands still until <see cref="Advance"/> or
/// <see cref="AdvanceTo"/> moves it, running due callbacks deterministically.
/// </summary>
/// <remarks>
/// Callbacks run on the advancing thread, in order of due instant and, for equal instants, in the
/// order they were scheduled. While a callback runs, <see cref="GetCurrentInstant"/> returns its due
/// instant, so callbacks that schedule further callbacks (periodic timers) stay exact, and those
/// falling due within the same advance run in the same call. Thread-safe: actors may schedule from
/// any thread while a test advances; concurrent advances are serialized.
/// </remarks>
public sealed class VirtualTime : IScheduler
{
    /// <summary>The instant a <see cref="VirtualTime"/> starts at unless told otherwise: 2026-01-05T00:00Z, a Monday.</summary>
    public static readonly Instant DefaultStart = Instant.FromUtc(2026, 1, 5, 0, 0);

    private readonly object _gate = new();
    private readonly object _advanceGate = new();
    private readonly PriorityQueue<Entry, (Instant Due, long Sequence)> _queue = new();
    private Instant _now;
    private long _sequence;
    private int _pending;

    /// <summary>Creates virtual time starting at <see cref="DefaultStart"/>.</summary>
    public VirtualTime()
        : this(DefaultStart)
    {
    }

    /// <summary>Creates virtual time starting at <paramref name="start"/>.</summary>
    public VirtualTime(Instant start) => _now = start;

    /// <summary>The current virtual instant (same as <see cref="GetCurrentInstant"/>).</summary>
    public Instant Now => GetCurrentInstant();

    /// <summary>How many callbacks are scheduled and neither run nor cancelled.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>When the earliest pending callback is due, or <c>null</c> if none is pending.</summary>
    public Instant? NextDue
    {
        get
        {
            lock (_gate)
            {
                while (_queue.TryPeek(out var entry, out var key))
                {
                    if (!entry.IsSettled)
                    {
                        return key.Due;
                    }

                    _queue.Dequeue();
                }

                return null;
            }
        }
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public IDisposable ScheduleOnce(Duration delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            var due = _now + (delay < Duration.Zero ? Duration.Zero : delay);
            var entry = new Entry(this, action);
            _queue.Enqueue(entry, (due, _sequence++));
            _pending++;
            Monitor.PulseAll(_gate);
            return entry;
        }
    }

    /// <summary>Moves time forward by <paramref name="by"/>, running every callback that falls due.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative.</exception>
    public void Advance(Duration by)
    {
        if (by < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time only moves forward.");
        }

        lock (_advanceGate)
        {
            RunUntil(GetCurrentInstant() + by);
        }
    }

    /// <summary>Moves time forward to <paramref name="target"/>, running every callback that falls due.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is in the virtual past.</exception>
    public void AdvanceTo(Instant target)
    {
        lock (_advanceGate)
        {
            var now = GetCurrentInstant();
            if (target < now)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target, $"Virtual time is already at {now}; it only moves forward.");
            }

            RunUntil(target);
        }
    }

    /// <summary>
    /// Blocks (in real time) until at least <paramref name="count"/> callbacks are pending, for tests
    /// that must not advance before an actor has reacted and scheduled something.
    /// </summary>
    /// <returns><c>false</c> if <paramref name="timeout"/> passed first.</returns>
    public bool WaitForPending(int count, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (_pending < count)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_gate, TimeSpan.FromMilliseconds(left)))
                {
                    return _pending >= count;
                }
            }

            return true;
        }
    }

    private void RunUntil(Instant target)
    {
        while (true)
        {
            Entry? next = null;
            lock (_gate)
            {
                while (_queue.TryPeek(out var entry, out var key) && key.Due <= target)
                {
                    _queue.Dequeue();
                    if (entry.TryClaim())
                    {
                        _pending--;
                        _now = key.Due;
                        next = entry;
                        break;
                    }
                }

                if (next is null)
                {
                    _now = target;
                    return;
                }
            }

            next.Action();
        }
    }

    private void Cancel()
    {
        lock (_gate)
        {
            _pending--;
        }
    }

    private sealed class Entry(VirtualTime owner, Action action) : IDisposable
    {
        private int _state;

        public Action Action { get; } = action;

        public bool IsSettled => Volatile.Read(ref _state) != 0;

        public bool TryClaim() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public void Dispose()
        {
            if (TryClaim())
            {
                owner.Cancel();
            }
        }
    }
}
