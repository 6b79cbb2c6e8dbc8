using StandbyOps.Actors.DeadLetters;

namespace StandbyOps.Actors;

/// <summary>An <c>Ask</c> failed fast because its question became a dead letter (recipient stopped, message unhandled, shutdown).</summary>
public sealed class AskUndeliveredException : Exception
{
    /// <summary>Creates the exception for a question to <paramref name="recipientPath"/> dropped for <paramref name="reason"/>.</summary>
    public AskUndeliveredException(string recipientPath, Type messageType, DeadLetterReason reason)
        : base($"Ask of {messageType.Name} to {recipientPath} was not delivered: {reason}.")
    {
        Reason = reason;
    }

    /// <summary>Why the question was dropped.</summary>
    public DeadLetterReason Reason { get; }
}
