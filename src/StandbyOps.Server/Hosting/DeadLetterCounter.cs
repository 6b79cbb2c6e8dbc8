using Akka.Actor;
using Akka.Event;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// Subscribed to the actor system's event stream: every dead letter (<see cref="AllDeadLetters"/>: to a stopped
/// or unknown actor, suppressed or dropped) and every message an actor did not handle goes to the
/// <see cref="DeadLetterLog"/>.
/// </summary>
public sealed class DeadLetterCounter : ReceiveActor
{
    /// <summary>Creates the listener (Akka creates it from <see cref="Props"/>).</summary>
    public DeadLetterCounter(DeadLetterLog log)
    {
        Receive<AllDeadLetters>(d => log.Record(d.Message.GetType().Name, d.Recipient.Path.ToString(), d.GetType().Name));
        Receive<UnhandledMessage>(u => log.Record(u.Message.GetType().Name, u.Recipient.Path.ToString(), "Unhandled"));
    }

    /// <summary>The props of a listener feeding <paramref name="log"/>.</summary>
    public static Props Props(DeadLetterLog log) => Akka.Actor.Props.Create(() => new DeadLetterCounter(log));
}
