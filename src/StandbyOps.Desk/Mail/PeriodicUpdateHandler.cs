using Dapper;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// Runs a due periodic update (DOMAIN.md "Customer updates"): while the ticket is open or acknowledged, its
/// contacts that want updates (and the reporter) get update N at opening + N × <c>updates.every</c> on the real clock,
/// and update N + 1 is scheduled; after resolution nothing is sent and the chain ends. Update N is recorded in the
/// same transaction as its mail and the next intent, so a repeated run sends nothing twice.
/// </summary>
public sealed class PeriodicUpdateHandler(IDatabase database, IClock clock, IncidentDesk desk, DeskOptions options, Func<StandbyOpsConfig> config)
    : IIntentHandler
{
    public string Kind => MailIntents.Update;

    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = UpdatePayload.FromJson(intent.Payload);
        var detail = await desk.GetAsync(payload.CaseNumber, cancellationToken).ConfigureAwait(false);
        var current = config();
        if (detail?.Incident is not { IsUnresolved: true } incident
            || !current.Customers.TryGetValue(incident.Customer, out var customer)
            || customer.Updates is not { } updates
            || !updates.Priorities.Any(p => p == incident.Priority))
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        await database.WriteAsync(async (c, t) =>
        {
            var first = await c.ExecuteAsync(
                "INSERT INTO desk_updates_sent (case_number, number, sent_at) VALUES (@case, @number, @at) ON CONFLICT DO NOTHING",
                new { @case = incident.CaseNumber, number = payload.Number, at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false);
            if (first == 0)
            {
                return;
            }

            await TicketRecipients.QueueAsync(c, t, current, "updates", incident, now, update: payload.Number).ConfigureAwait(false);
            await IntentStore.AddAsync(c, t, MailIntents.Update, new UpdatePayload(incident.CaseNumber, payload.Number + 1).ToJson(), now,
                incident.OpenedAt + (updates.Every * (payload.Number + 1))).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        options.Wake();
    }
}
