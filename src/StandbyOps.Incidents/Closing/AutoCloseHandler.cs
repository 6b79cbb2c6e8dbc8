using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Incidents.Closing;

/// <summary>
/// Handles <see cref="IncidentIntents.AutoClose"/>: closes an incident a quiet period after it was resolved. A reopen
/// or a later resolution makes the intent stale, and it is ignored (a later resolution wrote its own).
/// </summary>
public sealed class AutoCloseHandler(IncidentDesk desk) : IIntentHandler
{
    public string Kind => IncidentIntents.AutoClose;

    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = AutoClosePayload.FromJson(intent.Payload);
        await desk.AutoCloseAsync(payload.CaseNumber, InstantTypeHandler.Parse(payload.ResolvedAt), cancellationToken).ConfigureAwait(false);
    }
}
