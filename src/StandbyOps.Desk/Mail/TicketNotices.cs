using System.Data.Common;
using StandbyOps.Configuration;
using StandbyOps.Desk.FollowUps;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Priorities;
using StandbyOps.Incidents.Sla;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// Keeps customers informed (issue 14 item 3): on open, acknowledgement, resolution, closure and staff notes marked public,
/// a mail to the ticket's reporter and the customer's contacts that asked for that notice, queued as a
/// <see cref="MailIntents.Send"/> intent inside the desk's transaction of the change, so the change and its notice
/// commit together. On open it also schedules the contract's first periodic update and the desk's first follow-up review.
/// </summary>
public sealed class TicketNotices(Func<StandbyOpsConfig> config, IncidentSlaPolicy sla) : IIncidentTransactionObserver
{
    /// <inheritdoc />
    public async Task OnChangeAsync(DbConnection connection, DbTransaction transaction, IncidentTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var current = config();
        var incident = transition.Incident;
        var now = transition.At;
        switch (transition.Kind)
        {
            case IncidentChangeKind.Opened:
                await TicketRecipients.QueueAsync(connection, transaction, current, "opened", incident, now).ConfigureAwait(false);
                await ScheduleAsync(connection, transaction, current, incident, now).ConfigureAwait(false);
                break;
            case IncidentChangeKind.Acknowledged:
                await TicketRecipients.QueueAsync(connection, transaction, current, "acknowledged", incident, now).ConfigureAwait(false);
                break;
            case IncidentChangeKind.Resolved:
                await TicketRecipients.QueueAsync(connection, transaction, current, "resolved", incident, now).ConfigureAwait(false);
                break;
            case IncidentChangeKind.Closed:
                if (transition.AlsoResolved)
                {
                    await TicketRecipients.QueueAsync(connection, transaction, current, "resolved", incident, now).ConfigureAwait(false);
                }

                await TicketRecipients.QueueAsync(connection, transaction, current, "closed", incident, now).ConfigureAwait(false);
                break;
            case IncidentChangeKind.NoteAdded when transition.Entry is { Kind: TimelineKinds.PublicNote } entry && entry.Actor.Kind != ActorKind.Customer:
                // Staff wrote to the customer; a customer's own comment is not mailed back to it.
                await TicketRecipients.QueueAsync(connection, transaction, current, "public-notes", incident, now, entry.Text).ConfigureAwait(false);
                break;
        }
    }

    private async Task ScheduleAsync(DbConnection connection, DbTransaction transaction, StandbyOpsConfig current, Incident incident, NodaTime.Instant now)
    {
        if (!current.Customers.TryGetValue(incident.Customer, out var customer))
        {
            return;
        }

        if (customer.Updates is { } updates && updates.Priorities.Any(p => p == incident.Priority))
        {
            await IntentStore.AddAsync(connection, transaction, MailIntents.Update, new UpdatePayload(incident.CaseNumber, 1).ToJson(), now, incident.OpenedAt + updates.Every).ConfigureAwait(false);
        }

        if (FollowUpSchedule.NextDue(customer, sla.ContractOf(incident.Customer), incident, incident.OpenedAt) is { } due)
        {
            await IntentStore.AddAsync(connection, transaction, FollowUpIntents.Review, new FollowUpPayload(incident.CaseNumber, 1).ToJson(), now, due).ConfigureAwait(false);
        }
    }
}
