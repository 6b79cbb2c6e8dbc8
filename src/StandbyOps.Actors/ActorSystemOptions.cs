using StandbyOps.Actors.DeadLetters;
using StandbyOps.Actors.Supervision;

namespace StandbyOps.Actors;

/// <summary>Tuning and observation hooks for an <see cref="ActorSystem"/>; the defaults suit production.</summary>
/// <remarks>Callbacks run on actor threads: keep them short and non-blocking (a counter, a log call).</remarks>
public sealed record ActorSystemOptions
{
    /// <summary>The largest accepted <see cref="Throughput"/>.</summary>
    public const int MaxThroughput = 100_000;

    /// <summary>
    /// How many messages an actor handles per turn on a thread before yielding it to other actors
    /// (1 to <see cref="MaxThroughput"/>; default 100). Higher favours throughput, lower fairness.
    /// </summary>
    public int Throughput { get; init; } = 100;

    /// <summary>How the user guardian treats failing top-level actors; escalation stops them.</summary>
    public SupervisorStrategy GuardianStrategy { get; init; } = SupervisorStrategy.Default;

    /// <summary>Called for each dead letter (after it is counted), e.g. to log it.</summary>
    public Action<DeadLetter>? OnDeadLetter { get; init; }

    /// <summary>Called for each supervision decision, e.g. to log the exception.</summary>
    public Action<ActorFailure>? OnActorFailure { get; init; }

    /// <summary>
    /// Called after each handled message with the actor kind (<see cref="Props.Kind"/>) and the handling
    /// time, e.g. for a histogram. Leave <c>null</c> to skip timing altogether.
    /// </summary>
    public Action<string, TimeSpan>? OnMessageProcessed { get; init; }
}
