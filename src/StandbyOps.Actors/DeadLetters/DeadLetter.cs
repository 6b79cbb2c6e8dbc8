namespace StandbyOps.Actors.DeadLetters;

/// <summary>A message that did not reach a handler, as published to <see cref="ActorSystemOptions.OnDeadLetter"/>.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient, DeadLetterReason Reason);
