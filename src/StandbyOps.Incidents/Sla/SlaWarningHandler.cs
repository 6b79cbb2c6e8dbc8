using StandbyOps.Storage.Intents;

namespace StandbyOps.Incidents.Sla;

/// <summary>
/// Handles <see cref="IncidentIntents.SlaResponseWarning"/> or <see cref="IncidentIntents.SlaResolutionWarning"/>, due
/// <c>sla.warnBefore</c> ahead of the deadline: records the warning unless the deadline was met by then. Safe to repeat.
/// </summary>
public sealed class SlaWarningHandler(Desk.IncidentDesk desk, SlaKind slaKind) : IIntentHandler
{
    public string Kind { get; } = slaKind == SlaKind.Response ? IncidentIntents.SlaResponseWarning : IncidentIntents.SlaResolutionWarning;

    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = SlaIntentPayload.FromJson(intent.Payload);
        await desk.WarnDeadlineAsync(payload.CaseNumber, slaKind, cancellationToken).ConfigureAwait(false);
    }
}
