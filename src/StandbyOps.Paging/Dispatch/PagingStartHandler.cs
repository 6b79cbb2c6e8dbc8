using StandbyOps.Incidents;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Starts paging from the <see cref="IncidentIntents.PagingStart"/> intent the desk writes in the transaction that opens
/// or reopens an incident. The escalation is named after the intent, so a start re-driven after a crash is a no-op.
/// </summary>
public sealed class PagingStartHandler(EscalationRunner escalations) : IIntentHandler
{
    /// <inheritdoc />
    public string Kind => IncidentIntents.PagingStart;

    /// <inheritdoc />
    public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return escalations.StartAsync("ES" + intent.Id, intent.Payload, intent.CreatedAt, cancellationToken);
    }
}
