using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk.Intake;

/// <summary>The desk's triage queue: mail from unknown senders, turned into a ticket (assign) or discarded (kept, marked).</summary>
public sealed class TriageQueue(IDatabase database, TicketDesk tickets)
{
    /// <summary>The items in <paramref name="state"/> (null: all), oldest first.</summary>
    public Task<IReadOnlyList<TriageItem>> ListAsync(string? state, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => IntakeRows.TriageAsync(c, state), cancellationToken);

    /// <summary>Opens a ticket for <paramref name="customer"/>'s <paramref name="system"/> from an open item (reporter = the sender); null when the item is unknown or decided.</summary>
    public async Task<TicketOpening?> AssignAsync(string id, string? customer, string? system, Actor who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var item = await database.ReadAsync(c => IntakeRows.TriageItemAsync(c, null, id), cancellationToken).ConfigureAwait(false);
        if (item is not { State: "open" })
        {
            return null;
        }

        var ticket = new NewTicket(customer, system, item.Subject.Length == 0 ? "(no subject)" : item.Subject, item.Body, null, item.Sender, item.Sender.Contains('@', StringComparison.Ordinal) ? item.Sender : null, TicketChannel.Email);
        var opening = await tickets.OpenAsync(ticket, who, cancellationToken, MailIntakeProcessor.DedupPrefix + "triage:" + id).ConfigureAwait(false);
        if (opening.Incident is { } incident)
        {
            await database.WriteAsync((c, t) => IntakeRows.DecideAsync(c, t, id, "assigned", incident.CaseNumber, who.ToString()), cancellationToken).ConfigureAwait(false);
        }

        return opening;
    }

    /// <summary>Marks an open item discarded (it stays in the store); false when unknown or already decided.</summary>
    public Task<bool> DiscardAsync(string id, Actor who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        return database.WriteAsync(async (c, t) =>
        {
            if (await IntakeRows.TriageItemAsync(c, t, id).ConfigureAwait(false) is not { State: "open" })
            {
                return false;
            }

            await IntakeRows.DecideAsync(c, t, id, "discarded", null, who.ToString()).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
