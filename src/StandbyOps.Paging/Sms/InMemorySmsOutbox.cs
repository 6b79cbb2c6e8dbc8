using NodaTime;

namespace StandbyOps.Paging.Sms;

/// <summary>Thread-safe in-memory <see cref="ISmsOutbox"/> that keeps the newest <see cref="Capacity"/> messages.</summary>
/// <remarks>Bounded so a long-running dev instance cannot grow without limit; the sequence keeps counting past evictions.</remarks>
public sealed class InMemorySmsOutbox : ISmsOutbox
{
    /// <summary>Capacity used when none is given.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Queue<OutboxMessage> _messages = new();
    private readonly Dictionary<string, OutboxMessage> _byKey = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Creates an outbox that keeps at most <paramref name="capacity"/> messages.</summary>
    public InMemorySmsOutbox(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most messages kept; the oldest are dropped beyond it.</summary>
    public int Capacity { get; }

    /// <inheritdoc />
    public ValueTask<OutboxAppendResult> AppendAsync(OutgoingSms sms, Instant sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        lock (_lock)
        {
            if (_byKey.TryGetValue(sms.IdempotencyKey, out var existing))
            {
                return ValueTask.FromResult(new OutboxAppendResult(existing, Created: false));
            }

            var sequence = ++_sequence;
            var message = new OutboxMessage(
                sequence,
                OutboxMessage.ProviderIdFor(sequence),
                sms.To,
                sms.Body,
                sms.StatusCallbackUrl,
                sms.IdempotencyKey,
                sentAt);
            _messages.Enqueue(message);
            _byKey.Add(message.IdempotencyKey, message);
            if (_messages.Count > Capacity)
            {
                _byKey.Remove(_messages.Dequeue().IdempotencyKey);
            }

            return ValueTask.FromResult(new OutboxAppendResult(message, Created: true));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<OutboxMessage>>([.. _messages]);
        }
    }
}
