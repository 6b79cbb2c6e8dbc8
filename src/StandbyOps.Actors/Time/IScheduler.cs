using NodaTime;

namespace StandbyOps.Actors.Time;

/// <summary>The one source of time for the actor kernel: a clock plus one-shot callbacks.</summary>
/// <remarks>
/// Everything time-based (timers, ask timeouts, restart backoff, shutdown deadlines) goes through
/// this interface, so a test can swap in <see cref="VirtualTime"/> and run hours in milliseconds.
/// </remarks>
public interface IScheduler : IClock
{
    /// <summary>
    /// Runs <paramref name="action"/> once, <paramref name="delay"/> from now (a negative delay counts
    /// as zero). Disposing the returned handle cancels the callback if it has not started.
    /// </summary>
    IDisposable ScheduleOnce(Duration delay, Action action);
}
