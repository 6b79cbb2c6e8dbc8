using NodaTime;

namespace StandbyOps.Storage.Intents;

/// <summary>
/// How a claimed intent ended, recorded in its claim's transaction: completed, or due again at
/// <see cref="RetryAt"/> with <see cref="Error"/> (counting an attempt unless the intent only waited for a busy resource).
/// </summary>
public sealed record IntentOutcome(Instant At, Instant? RetryAt, string? Error, bool CountsAttempt)
{
    /// <summary>True when the intent is done.</summary>
    public bool Completed => RetryAt is null;

    /// <summary>The intent is done at <paramref name="at"/>.</summary>
    public static IntentOutcome Complete(Instant at) => new(at, null, null, CountsAttempt: true);

    /// <summary>The attempt failed with <paramref name="error"/>; the intent is due again at <paramref name="retryAt"/>.</summary>
    public static IntentOutcome Reschedule(Instant at, string error, Instant retryAt) => new(at, retryAt, error, CountsAttempt: true);

    /// <summary>The intent waits for something another node holds; it is due again at <paramref name="retryAt"/>, no attempt counted.</summary>
    public static IntentOutcome Defer(Instant at, string reason, Instant retryAt) => new(at, retryAt, reason, CountsAttempt: false);
}
