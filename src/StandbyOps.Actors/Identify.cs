namespace StandbyOps.Actors;

/// <summary>
/// Handled by every actor itself, without a handler: the sender gets an <see cref="ActorIdentity"/> once
/// the actor reaches this message, i.e. after everything told before it. A stopped actor answers with no subject.
/// </summary>
public sealed record Identify(object? MessageId = null);

/// <summary>The answer to <see cref="Identify"/>; <paramref name="Subject"/> is <c>null</c> when the actor had stopped.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
