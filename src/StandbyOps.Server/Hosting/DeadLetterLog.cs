namespace StandbyOps.Server.Hosting;

/// <summary>
/// Counts and logs the messages that reached no actor (sent to a stopped or unknown actor, or not handled):
/// fed by <see cref="DeadLetterCounter"/>, read by the <c>standbyops_actor_dead_letters_total</c> metric.
/// </summary>
public sealed partial class DeadLetterLog(ILogger<DeadLetterLog> logger)
{
    private long _count;

    /// <summary>Dead letters so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Counts and logs one dead letter.</summary>
    public void Record(string messageType, string recipient, string reason)
    {
        Interlocked.Increment(ref _count);
        LogDeadLetter(messageType, recipient, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter: {MessageType} to {Recipient} ({Reason})")]
    private partial void LogDeadLetter(string messageType, string recipient, string reason);
}
