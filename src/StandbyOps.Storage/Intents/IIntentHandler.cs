namespace StandbyOps.Storage.Intents;

/// <summary>Carries out the intents of one kind. Throwing leaves the intent pending for a retry with backoff.</summary>
public interface IIntentHandler
{
    /// <summary>The intent kind this handler owns, e.g. <c>page.send</c>.</summary>
    string Kind { get; }

    /// <summary>Performs the side effect. Must tolerate being called again for the same intent after a crash.</summary>
    Task HandleAsync(Intent intent, CancellationToken cancellationToken);
}
