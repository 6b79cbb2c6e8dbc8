using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Sends a phone's pending pages from the intents table.</summary>
public sealed class PageSendHandler(PageDispatcher dispatcher) : IIntentHandler
{
    /// <inheritdoc />
    public string Kind => PagingIntents.Send;

    /// <inheritdoc />
    public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return dispatcher.SendAsync(intent.Payload, cancellationToken);
    }
}
