using StandbyOps.Actors.Timers;

namespace StandbyOps.Actors;

/// <summary>An actor's view of itself and its surroundings, valid inside its constructor, hooks and handlers.</summary>
public interface IActorContext
{
    /// <summary>This actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being handled; the dead letters ref when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent (the user guardian for top-level actors).</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor lives in.</summary>
    ActorSystem System { get; }

    /// <summary>This actor's keyed timers.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>The live children, as a snapshot.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>
    /// Creates a child named <paramref name="name"/> (unique among siblings; generated when <c>null</c>).
    /// The child starts asynchronously; messages told to the returned ref right away are kept.
    /// </summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or a live sibling already has it.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The live child named <paramref name="name"/>, or <c>null</c>.</summary>
    IActorRef? Child(string name);

    /// <summary>Stops a child or this actor itself, after the message being handled.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> for <paramref name="actor"/> when it stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Cancels a watch; a <see cref="Terminated"/> not yet handled is dropped.</summary>
    void Unwatch(IActorRef actor);
}
