using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// The durable mail outbox: each mail is an intent (<see cref="MailIntents.Send"/>) the intent relay hands to
/// <see cref="SmtpMailSender"/>, retried with backoff until the SMTP server takes it, never lost across restarts.
/// </summary>
public sealed class MailOutbox(IDatabase database, IClock clock, DeskOptions options)
{
    /// <summary>Queues <paramref name="mail"/> in its own transaction (nothing when it has no recipient).</summary>
    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.Count == 0)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        await database.WriteAsync((c, t) => IntentStore.AddAsync(c, t, MailIntents.Send, mail.ToJson(), now, now), cancellationToken).ConfigureAwait(false);
        options.Wake();
    }

    /// <summary>Queues <paramref name="mail"/> inside the caller's transaction.</summary>
    public static Task EnqueueAsync(DbConnection connection, DbTransaction transaction, OutgoingMail mail, Instant now)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return IntentStore.AddAsync(connection, transaction, MailIntents.Send, mail.ToJson(), now, now);
    }

    /// <summary>The outbox, newest first: sent mails and those still due (with their last error).</summary>
    public Task<IReadOnlyList<OutboxEntry>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(async c =>
        {
            var rows = await c.QueryAsync<(string Id, string Payload, string CreatedAt, string DueAt, string? CompletedAt, long Attempts, string? LastError)>(
                "SELECT id, payload, created_at, due_at, completed_at, attempts, last_error FROM intents WHERE kind = @kind ORDER BY created_at DESC, id DESC LIMIT @limit",
                new { kind = MailIntents.Send, limit }).ConfigureAwait(false);
            return rows.Select(r => new OutboxEntry(
                r.Id, OutgoingMail.FromJson(r.Payload), InstantTypeHandler.Parse(r.CreatedAt), InstantTypeHandler.Parse(r.DueAt),
                r.CompletedAt is null ? null : InstantTypeHandler.Parse(r.CompletedAt), (int)r.Attempts, r.LastError)).ToList();
        }, cancellationToken);
}
