using Dapper;
using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk.FollowUps;

/// <summary>The desk's due follow-up reviews: listed in the queue until someone records the review or the ticket is resolved.</summary>
public sealed class FollowUpReviews(IDatabase database, IClock clock, IncidentDesk desk)
{
    /// <summary>The longest review note accepted (as for notes).</summary>
    public const int MaxNoteLength = IncidentDesk.MaxNoteLength;

    /// <summary>
    /// The reviews due and not done, of unresolved tickets (optionally of one <paramref name="customer"/>), in the desk's
    /// queue order (priority, then opening); a ticket with several missed reviews shows its oldest.
    /// </summary>
    public async Task<IReadOnlyList<DueReview>> DueAsync(string? customer = null, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(async c => (await c.QueryAsync<(string CaseNumber, long Number, string DueAt)>(
            "SELECT case_number, number, due_at FROM desk_reviews WHERE done_at IS NULL ORDER BY case_number, number").ConfigureAwait(false)).ToList(),
            cancellationToken).ConfigureAwait(false);
        var due = new List<DueReview>();
        foreach (var row in rows.GroupBy(r => r.CaseNumber).Select(g => g.First()))
        {
            if (await desk.GetAsync(row.CaseNumber, cancellationToken).ConfigureAwait(false) is { Incident: { IsUnresolved: true } incident }
                && (customer is null || incident.Customer == customer))
            {
                due.Add(new DueReview((int)row.Number, InstantTypeHandler.Parse(row.DueAt), incident));
            }
        }

        return [.. due.OrderBy(r => r.Incident.Priority).ThenBy(r => r.Incident.OpenedAt)];
    }

    /// <summary>
    /// Records that <paramref name="who"/> reviewed the ticket: every due review of it is done, and the review is a note on
    /// its timeline. Returns how many reviews it settled (0: none was due; nothing is written then).
    /// </summary>
    public async Task<int> RecordAsync(string caseNumber, Actor who, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        ArgumentNullException.ThrowIfNull(who);
        var now = clock.GetCurrentInstant();
        var done = await database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE desk_reviews SET done_at = @at, done_by = @by WHERE case_number = @case AND done_at IS NULL AND due_at <= @at",
            new { at = InstantTypeHandler.Format(now), by = who.ToString(), @case = caseNumber }, t), cancellationToken).ConfigureAwait(false);
        if (done > 0)
        {
            var text = string.IsNullOrWhiteSpace(note) ? "Follow-up review done" : $"Follow-up review done: {note.Trim()}";
            await desk.AddNoteAsync(caseNumber, who, text[..Math.Min(text.Length, MaxNoteLength)], cancellationToken).ConfigureAwait(false);
        }

        return done;
    }
}
