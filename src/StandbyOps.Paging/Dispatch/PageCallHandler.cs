using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Places a phone's pending paging calls from the intents table.</summary>
public sealed class PageCallHandler(PageSender sender) : IIntentHandler
{
    /// <inheritdoc />
    public string Kind => PagingIntents.Call;

    /// <inheritdoc />
    public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return sender.CallAsync(intent.Payload, fromIntent: true, cancellationToken);
    }
}
