using Dapper;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Sla;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Desk.FollowUps;

/// <summary>
/// Runs a due follow-up review (DOMAIN.md "Follow-up", NETCOR level 1 "followed daily"): while the ticket is unresolved,
/// review N becomes due in the desk's queue (<c>desk_reviews</c>) and review N + 1 is scheduled, in one transaction, so a
/// repeated run adds nothing twice. It notifies nobody outside. After resolution the chain ends.
/// </summary>
public sealed class FollowUpHandler(IDatabase database, IClock clock, IncidentDesk desk, IncidentSlaPolicy sla, Func<StandbyOpsConfig> config)
    : IIntentHandler
{
    public string Kind => FollowUpIntents.Review;

    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = FollowUpPayload.FromJson(intent.Payload);
        var detail = await desk.GetAsync(payload.CaseNumber, cancellationToken).ConfigureAwait(false);
        if (detail?.Incident is not { IsUnresolved: true } incident || !config().Customers.TryGetValue(incident.Customer, out var customer))
        {
            return;
        }

        var next = FollowUpSchedule.NextDue(customer, sla.ContractOf(incident.Customer), incident, intent.DueAt);
        var now = clock.GetCurrentInstant();
        await database.WriteAsync(async (c, t) =>
        {
            var added = await c.ExecuteAsync(
                "INSERT INTO desk_reviews (case_number, number, due_at) VALUES (@case, @number, @due) ON CONFLICT DO NOTHING",
                new { @case = incident.CaseNumber, number = payload.Number, due = InstantTypeHandler.Format(intent.DueAt) }, t).ConfigureAwait(false);
            if (added > 0 && next is { } due)
            {
                await IntentStore.AddAsync(c, t, FollowUpIntents.Review, new FollowUpPayload(incident.CaseNumber, payload.Number + 1).ToJson(), now, due).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
