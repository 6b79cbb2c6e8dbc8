namespace StandbyOps.Actors;

/// <summary>Delivered to every watcher of <paramref name="ActorRef"/> once that actor has stopped.</summary>
public sealed record Terminated(IActorRef ActorRef);
