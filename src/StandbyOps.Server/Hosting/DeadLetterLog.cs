using StandbyOps.Actors.DeadLetters;

namespace StandbyOps.Server.Hosting;

/// <summary>Logs dead letters with their recipient and reason (the count is a metric of the actor system).</summary>
public sealed partial class DeadLetterLog(ILogger<DeadLetterLog> logger)
{
    /// <summary>Called by the actor system for each dead letter.</summary>
    public void Record(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        LogDeadLetter(letter.Message.GetType().Name, letter.Recipient.ToString() ?? "?", letter.Reason.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter: {MessageType} to {Recipient} ({Reason})")]
    private partial void LogDeadLetter(string messageType, string recipient, string reason);
}
