namespace StandbyOps.Actors.Supervision;

/// <summary>A supervision decision, reported to <see cref="ActorSystemOptions.OnActorFailure"/> for logging.</summary>
/// <param name="Actor">The actor that failed.</param>
/// <param name="Cause">What it threw.</param>
/// <param name="Directive">What its supervisor did about it.</param>
public sealed record ActorFailure(IActorRef Actor, Exception Cause, Directive Directive);
