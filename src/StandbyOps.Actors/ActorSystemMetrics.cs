using StandbyOps.Actors.Kernel;

namespace StandbyOps.Actors;

/// <summary>
/// Read-only statistics of an <see cref="ActorSystem"/> for a metrics exporter. Counters are kept per
/// actor on the hot path; reading a total walks the live actors, which is meant for a scrape, not a loop.
/// </summary>
public sealed class ActorSystemMetrics
{
    private readonly ActorSystem _system;

    internal ActorSystemMetrics(ActorSystem system) => _system = system;

    /// <summary>Actors started and not yet stopped (the guardian not counted).</summary>
    public int LiveActors => _system.LiveActorCount;

    /// <summary>Dead letters since start.</summary>
    public long DeadLetters => _system.DeadLetters.Count;

    /// <summary>User messages taken from mailboxes and handled since start (timer messages included).</summary>
    public long MessagesProcessed
    {
        get
        {
            var total = _system.RetiredProcessed;
            foreach (var cell in _system.LiveCells())
            {
                total += cell.Processed;
            }

            return total;
        }
    }

    /// <summary>Messages waiting in all live mailboxes.</summary>
    public long MailboxDepth
    {
        get
        {
            long total = 0;
            foreach (var cell in _system.LiveCells())
            {
                total += cell.MailboxDepth;
            }

            return total;
        }
    }

    /// <summary>Messages waiting, per actor kind (<see cref="Props.Kind"/>); kinds with live actors are listed even when idle.</summary>
    public IReadOnlyDictionary<string, long> MailboxDepthByKind()
    {
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var cell in _system.LiveCells())
        {
            byKind[cell.Props.Kind] = byKind.GetValueOrDefault(cell.Props.Kind) + cell.MailboxDepth;
        }

        return byKind;
    }
}
