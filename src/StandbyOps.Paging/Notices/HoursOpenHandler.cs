using StandbyOps.Incidents;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Notices;

/// <summary>
/// Announces a ticket that waited for business hours (DOMAIN.md "Waiting for business hours"): the desk writes
/// <see cref="IncidentIntents.HoursOpen"/> with an opening outside standby and business hours, due when the customer's
/// calendar next opens (holidays skipped). Paging then starts as it does for a ticket opened in business hours, judged at
/// that opening: one page to the duty engineer, or the desk queue only when the team has none. A ticket acknowledged or
/// resolved before is not announced; the escalation is named after the intent, so a re-driven announcement is a no-op.
/// </summary>
public sealed class HoursOpenHandler(EscalationRunner escalations) : IIntentHandler
{
    /// <inheritdoc />
    public string Kind => IncidentIntents.HoursOpen;

    /// <inheritdoc />
    public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return escalations.StartAsync("EH" + intent.Id, intent.Payload, intent.DueAt, cancellationToken);
    }
}
