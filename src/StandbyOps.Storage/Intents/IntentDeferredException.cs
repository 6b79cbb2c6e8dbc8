namespace StandbyOps.Storage.Intents;

/// <summary>
/// Thrown by a handler when what its intent needs is held by another node right now (that node is sending to the same
/// phone): the relay makes the intent due again a moment later without counting a failed attempt.
/// </summary>
public sealed class IntentDeferredException : Exception
{
    /// <summary>Creates the exception with the reason the intent waits.</summary>
    public IntentDeferredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a reason.</summary>
    public IntentDeferredException()
    {
    }

    /// <summary>Creates the exception with a reason and the exception behind it.</summary>
    public IntentDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
