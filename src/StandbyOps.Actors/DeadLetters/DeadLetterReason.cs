namespace StandbyOps.Actors.DeadLetters;

/// <summary>Why a message was not handled by its recipient.</summary>
public enum DeadLetterReason
{
    /// <summary>The recipient had stopped (or stopped before reaching the message).</summary>
    RecipientTerminated,

    /// <summary>The recipient has no handler for the message type.</summary>
    Unhandled,

    /// <summary>The system was shutting down and refused new messages.</summary>
    ShuttingDown,

    /// <summary>The message was sent to the dead letters ref itself, e.g. a reply to a message without sender.</summary>
    NoRecipient,
}
