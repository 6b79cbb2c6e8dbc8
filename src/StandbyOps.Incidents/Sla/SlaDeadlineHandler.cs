using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Incidents.Sla;

/// <summary>
/// Handles <see cref="IncidentIntents.SlaResponse"/> or <see cref="IncidentIntents.SlaResolution"/>: the intent is due
/// at the deadline, so a breach is recorded when it happens rather than when someone looks. Safe to repeat.
/// </summary>
public sealed class SlaDeadlineHandler(IncidentDesk desk, SlaKind slaKind) : IIntentHandler
{
    public string Kind { get; } = slaKind == SlaKind.Response ? IncidentIntents.SlaResponse : IncidentIntents.SlaResolution;

    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = SlaIntentPayload.FromJson(intent.Payload);
        await desk.CheckDeadlineAsync(payload.CaseNumber, slaKind, cancellationToken).ConfigureAwait(false);
    }
}
