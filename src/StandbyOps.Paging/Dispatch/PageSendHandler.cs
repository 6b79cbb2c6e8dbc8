using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Sends a phone's pending pages from the intents table.</summary>
public sealed class PageSendHandler(PageSender sender) : IIntentHandler
{
    /// <inheritdoc />
    public string Kind => PagingIntents.Send;

    /// <inheritdoc />
    public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return sender.SendAsync(intent.Payload, fromIntent: true, cancellationToken);
    }
}
