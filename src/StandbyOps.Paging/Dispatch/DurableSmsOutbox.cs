using Dapper;
using NodaTime;
using StandbyOps.Paging.Sms;
using StandbyOps.Storage.Database;

namespace StandbyOps.Paging.Dispatch;

/// <summary>The <c>log</c> provider's outbox as a table, so <c>GET /api/v1/sms/outbox</c> survives restarts and a re-driven send is recognised.</summary>
public sealed class DurableSmsOutbox(IDatabase database) : ISmsOutbox
{
    private const int ListLimit = 10_000;

    /// <inheritdoc />
    public async ValueTask<OutboxAppendResult> AppendAsync(OutgoingSms sms, Instant sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        return await database.WriteAsync(async (c, t) =>
        {
            var existing = await c.QuerySingleOrDefaultAsync<OutboxRow>(
                Select + " WHERE idempotency_key = @key", new { key = sms.IdempotencyKey }, t).ConfigureAwait(false);
            if (existing is not null)
            {
                return new OutboxAppendResult(existing.ToMessage(), Created: false);
            }

            var sequence = await c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(sequence), 0) + 1 FROM sms_outbox", transaction: t).ConfigureAwait(false);
            var message = new OutboxMessage(sequence, OutboxMessage.ProviderIdFor(sequence), sms.To, sms.Body, sms.StatusCallbackUrl, sms.IdempotencyKey, sentAt);
            await c.ExecuteAsync(
                "INSERT INTO sms_outbox (sequence, provider_id, recipient, body, status_callback, idempotency_key, sent_at) VALUES (@Sequence, @ProviderId, @To, @Body, @StatusCallbackUrl, @IdempotencyKey, @At)",
                new { message.Sequence, message.ProviderId, message.To, message.Body, message.StatusCallbackUrl, message.IdempotencyKey, At = InstantTypeHandler.Format(sentAt) },
                t).ConfigureAwait(false);
            return new OutboxAppendResult(message, Created: true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(async c => (await c.QueryAsync<OutboxRow>(
            Select + " ORDER BY sequence DESC LIMIT " + ListLimit).ConfigureAwait(false)).ToList(), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToMessage()).Reverse()];
    }

    private const string Select = "SELECT sequence AS Sequence, provider_id AS ProviderId, recipient AS Recipient, body AS Body, status_callback AS StatusCallback, idempotency_key AS IdempotencyKey, sent_at AS SentAt FROM sms_outbox";

    private sealed record OutboxRow(long Sequence, string ProviderId, string Recipient, string Body, string? StatusCallback, string IdempotencyKey, string SentAt)
    {
        public OutboxMessage ToMessage() => new(Sequence, ProviderId, Recipient, Body, StatusCallback, IdempotencyKey, InstantTypeHandler.Parse(SentAt));
    }
}
