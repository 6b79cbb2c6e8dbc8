using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using NodaTime;
using NodaTime.Testing;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// Virtual time for end-to-end runs (<c>STANDBYOPS_VIRTUAL_TIME</c>): the domain's clock is NodaTime's
/// <see cref="FakeClock"/> and the actor system runs on Akka's <see cref="TestScheduler"/>; both stand still
/// until <see cref="AdvanceTo"/> moves them together. Time moves in steps of at most <see cref="Step"/>, so a
/// timer that fires and arms another (a periodic check, a retry) sees the later one fire in the same advance,
/// in due order, as on real time.
/// </summary>
public sealed class VirtualClock(Instant start) : IClock
{
    /// <summary>The largest single move of the scheduler within one advance.</summary>
    public static readonly Duration Step = Duration.FromSeconds(1);

    /// <summary>The configuration that puts an actor system on the test scheduler.</summary>
    public static readonly Config SchedulerConfig = ConfigurationFactory.ParseString(
        $"akka.scheduler.implementation = \"{typeof(TestScheduler).AssemblyQualifiedName}\"");

    private readonly FakeClock _clock = new(start);
    private readonly Lock _gate = new();
    private TestScheduler? _scheduler;

    /// <summary>The current virtual instant.</summary>
    public Instant Now => _clock.GetCurrentInstant();

    /// <inheritdoc />
    public Instant GetCurrentInstant() => _clock.GetCurrentInstant();

    /// <summary>Drives <paramref name="system"/>'s timers from now on (it must run on <see cref="SchedulerConfig"/>).</summary>
    public void Attach(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        lock (_gate)
        {
            _scheduler = system.Scheduler as TestScheduler
                ?? throw new InvalidOperationException($"The actor system runs on {system.Scheduler.GetType().Name}, not on the test scheduler.");
        }
    }

    /// <summary>Moves the clock and the scheduler forward to <paramref name="target"/>, running every timer due on the way.</summary>
    public void AdvanceTo(Instant target)
    {
        lock (_gate)
        {
            if (target < _clock.GetCurrentInstant())
            {
                throw new ArgumentOutOfRangeException(nameof(target), target, $"Time only moves forward; now is {_clock.GetCurrentInstant()}.");
            }

            while (_clock.GetCurrentInstant() < target)
            {
                var step = Duration.Min(Step, target - _clock.GetCurrentInstant());
                _clock.Advance(step);
                _scheduler?.Advance(step.ToTimeSpan());
            }
        }
    }

    /// <summary>Moves the clock and the scheduler forward by <paramref name="by"/>.</summary>
    public void Advance(Duration by) => AdvanceTo(Now + by);
}
