using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Sends an all-clear SMS from the intents table.</summary>
public sealed class AllClearHandler(AllClearSender allClear) : IIntentHandler
{
    /// <inheritdoc />
    public string Kind => PagingIntents.AllClear;

    /// <inheritdoc />
    public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return allClear.SendAsync(intent.Payload, cancellationToken);
    }
}
