namespace StandbyOps.Actors;

/// <summary>No reply arrived within an <c>Ask</c>'s timeout (measured on the system's scheduler).</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a message naming the recipient, message type and timeout.</summary>
    public AskTimeoutException(string message)
        : base(message)
    {
    }
}
