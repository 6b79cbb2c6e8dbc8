using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Runs a due escalation step from the intents table.</summary>
public sealed class EscalationStepHandler(EscalationRunner escalations) : IIntentHandler
{
    /// <inheritdoc />
    public string Kind => PagingIntents.Step;

    /// <inheritdoc />
    public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var (escalationId, index) = PagingIntents.ParseStep(intent.Payload);
        return escalations.RunStepAsync(escalationId, index, cancellationToken);
    }
}
