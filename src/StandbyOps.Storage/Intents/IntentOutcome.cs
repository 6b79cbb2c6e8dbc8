using NodaTime;

namespace StandbyOps.Storage.Intents;

/// <summary>How a claimed intent ended, recorded in its claim's transaction: completed, or due again at <see cref="RetryAt"/> after <see cref="Error"/>.</summary>
public sealed record IntentOutcome(Instant At, Instant? RetryAt, string? Error)
{
    /// <summary>True when the intent is done.</summary>
    public bool Completed => RetryAt is null;

    /// <summary>The intent is done at <paramref name="at"/>.</summary>
    public static IntentOutcome Complete(Instant at) => new(at, null, null);

    /// <summary>The attempt failed with <paramref name="error"/>; the intent is due again at <paramref name="retryAt"/>.</summary>
    public static IntentOutcome Reschedule(Instant at, string error, Instant retryAt) => new(at, retryAt, error);
}
