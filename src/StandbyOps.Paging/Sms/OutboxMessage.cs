using System.Globalization;
using NodaTime;

namespace StandbyOps.Paging.Sms;

/// <summary>One SMS that the <c>log</c> provider "sent", as listed by <c>GET /api/v1/sms/outbox</c>.</summary>
public sealed record OutboxMessage(
    long Sequence,
    string ProviderId,
    string To,
    string Body,
    string? StatusCallbackUrl,
    string IdempotencyKey,
    Instant SentAt)
{
    /// <summary>Provider id of the n-th outbox message: <c>LOG</c> + the sequence, zero-padded (<c>LOG000001</c>).</summary>
    public static string ProviderIdFor(long sequence) =>
        sequence > 0
            ? "LOG" + sequence.ToString("D6", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Outbox sequences start at 1.");
}
