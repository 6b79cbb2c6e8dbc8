using NodaTime;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Paging's entries in incident timelines (paged, escalated, delivered, failed, not paged).</summary>
public sealed class PagingNotes(IncidentDesk desk, PagingStore store, IClock clock)
{
    private static readonly Actor Pager = Actor.OfSystem("paging");

    /// <summary>Adds an entry to one incident's timeline.</summary>
    public async Task NoteAsync(string caseNumber, string kind, string text, CancellationToken cancellationToken) =>
        await desk.RecordAsync(caseNumber, new TimelineEntry(clock.GetCurrentInstant(), Pager, kind, text), cancellationToken).ConfigureAwait(false);

    /// <summary>Adds an entry to the timeline of every incident a page was about.</summary>
    public async Task NotePageAsync(string pageId, string kind, string text, CancellationToken cancellationToken)
    {
        foreach (var caseNumber in await store.CasesOfPageAsync(pageId, cancellationToken).ConfigureAwait(false))
        {
            await NoteAsync(caseNumber, kind, text, cancellationToken).ConfigureAwait(false);
        }
    }
}
