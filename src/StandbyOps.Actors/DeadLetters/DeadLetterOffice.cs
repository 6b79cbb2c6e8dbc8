using StandbyOps.Actors.Kernel;

namespace StandbyOps.Actors.DeadLetters;

/// <summary>
/// Where undeliverable messages end up: counted, handed to <see cref="ActorSystemOptions.OnDeadLetter"/>,
/// and a waiting <c>Ask</c> whose question it was fails at once. Also usable as a ref ("no sender").
/// </summary>
public sealed class DeadLetterOffice : IActorRef
{
    private readonly Action<DeadLetter>? _onDeadLetter;
    private long _count;

    internal DeadLetterOffice(string systemName, Action<DeadLetter>? onDeadLetter)
    {
        Path = $"actor://{systemName}/deadLetters";
        _onDeadLetter = onDeadLetter;
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>How many dead letters there have been since the system started.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Publish(message, sender, this, DeadLetterReason.NoRecipient);
    }

    /// <inheritdoc />
    public override string ToString() => Path;

    internal void Publish(object message, IActorRef? sender, IActorRef recipient, DeadLetterReason reason)
    {
        Interlocked.Increment(ref _count);
        if (sender is PromiseActorRef promise)
        {
            promise.Fail(new AskUndeliveredException(recipient.Path, message.GetType(), reason));
        }

        if (_onDeadLetter is null)
        {
            return;
        }

        try
        {
            _onDeadLetter(new DeadLetter(message, sender, recipient, reason));
        }
        catch (Exception)
        {
            // A faulty observer must not turn every Tell into a throw site; dead letters are advisory.
        }
    }
}
