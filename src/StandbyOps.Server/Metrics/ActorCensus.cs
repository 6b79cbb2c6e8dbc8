using Akka.Actor;

namespace StandbyOps.Server.Metrics;

/// <summary>
/// A walk over the live actors under <c>/user</c> (Akka's cells): how many there are and how many messages wait
/// in their mailboxes, by actor kind (the actor's class name). Meant for a scrape, not a hot path.
/// </summary>
public sealed record ActorCensus(long LiveActors, long MailboxDepth, IReadOnlyDictionary<string, long> MailboxDepthByKind)
{
    /// <summary>Counts the actors of <paramref name="system"/> now.</summary>
    public static ActorCensus Take(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        long live = 0, depth = 0;
        if (system is ExtendedActorSystem extended && extended.Guardian is ActorRefWithCell guardian)
        {
            var pending = new Stack<IActorRef>(guardian.Children);
            while (pending.TryPop(out var actor))
            {
                if (actor is not ActorRefWithCell { Underlying: { } cell } withCell || actor.IsNobody())
                {
                    continue;
                }

                live++;
                var waiting = cell.NumberOfMessages;
                depth += waiting;
                var kind = cell.Props.Type?.Name ?? "?";
                byKind[kind] = byKind.GetValueOrDefault(kind) + waiting;
                foreach (var child in withCell.Children)
                {
                    pending.Push(child);
                }
            }
        }

        return new ActorCensus(live, depth, byKind);
    }
}
