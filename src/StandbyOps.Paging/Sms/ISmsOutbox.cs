using NodaTime;

namespace StandbyOps.Paging.Sms;

/// <summary>Where the <c>log</c> provider keeps what it "sent"; in memory by default, replaceable by a durable store.</summary>
public interface ISmsOutbox
{
    /// <summary>
    /// Appends <paramref name="sms"/> with the next sequence number, or returns the message already
    /// stored under the same idempotency key (then nothing is appended).
    /// </summary>
    ValueTask<OutboxAppendResult> AppendAsync(OutgoingSms sms, Instant sentAt, CancellationToken cancellationToken);

    /// <summary>The stored messages, oldest first.</summary>
    ValueTask<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The stored message, and whether this call created it (false for a repeated idempotency key).</summary>
public sealed record OutboxAppendResult(OutboxMessage Message, bool Created);
