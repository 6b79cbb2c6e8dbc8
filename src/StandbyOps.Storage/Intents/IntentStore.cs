using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Storage.Intents;

/// <summary>The outbox table: pending side effects with a due instant.</summary>
public sealed class IntentStore(IDatabase database)
{
    /// <summary>Adds an intent inside the caller's transaction and returns its id.</summary>
    public static async Task<string> AddAsync(DbConnection connection, DbTransaction transaction, string kind, string payload, Instant createdAt, Instant dueAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(payload);
        var id = Guid.NewGuid().ToString("N");
        await connection.ExecuteAsync(
            "INSERT INTO intents (id, kind, payload, created_at, due_at, attempts) VALUES (@id, @kind, @payload, @createdAt, @dueAt, 0)",
            new { id, kind, payload, createdAt, dueAt }, transaction).ConfigureAwait(false);
        return id;
    }

    /// <summary>Adds an intent in a transaction of its own.</summary>
    public Task<string> AddAsync(string kind, string payload, Instant createdAt, Instant dueAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync((c, t) => AddAsync(c, t, kind, payload, createdAt, dueAt), cancellationToken);

    /// <summary>Deletes intents that finished before <paramref name="before"/> (retention); pending ones are never touched. Returns how many.</summary>
    public Task<int> DeleteCompletedBeforeAsync(Instant before, CancellationToken cancellationToken = default) =>
        database.WriteAsync((c, t) => c.ExecuteAsync("DELETE FROM intents WHERE completed_at IS NOT NULL AND completed_at < @before", new { before }, t), cancellationToken);

    /// <summary>Pending intents due at or before <paramref name="now"/>, oldest due first.</summary>
    public Task<IReadOnlyList<Intent>> DueAsync(Instant now, int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Intent>>(async c => (await c.QueryAsync<IntentRow>(
            "SELECT id, kind, payload, created_at AS CreatedAt, due_at AS DueAt, attempts, last_error AS LastError FROM intents " +
            "WHERE completed_at IS NULL AND due_at <= @now ORDER BY due_at, created_at LIMIT @limit",
            new { now, limit }).ConfigureAwait(false)).Select(r => r.ToIntent()).ToList(), cancellationToken);

    /// <summary>Every pending intent, due or not.</summary>
    public Task<IReadOnlyList<Intent>> PendingAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Intent>>(async c => (await c.QueryAsync<IntentRow>(
            "SELECT id, kind, payload, created_at AS CreatedAt, due_at AS DueAt, attempts, last_error AS LastError FROM intents " +
            "WHERE completed_at IS NULL ORDER BY due_at, created_at").ConfigureAwait(false)).Select(r => r.ToIntent()).ToList(), cancellationToken);

    /// <summary>The earliest due instant of any pending intent, or null when none is pending.</summary>
    public Task<Instant?> NextDueAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c =>
        {
            var text = await c.ExecuteScalarAsync<string?>("SELECT MIN(due_at) FROM intents WHERE completed_at IS NULL").ConfigureAwait(false);
            return text is null ? (Instant?)null : InstantTypeHandler.Parse(text);
        }, cancellationToken);

    /// <summary>
    /// Claims the intent <paramref name="id"/> if it is still pending and due at <paramref name="now"/> and no other node
    /// holds it, runs <paramref name="run"/> on it (as read under the claim) while holding the claim, and records the
    /// outcome <paramref name="run"/> returns in the claim's transaction before it commits. Null when the intent was not
    /// claimed: another node holds it, or it is done or no longer due. See <see cref="IDatabase.ClaimAsync{T}"/>.
    /// </summary>
    public Task<IntentOutcome?> RunClaimedAsync(string id, Instant now, Func<Intent, Task<IntentOutcome>> run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(run);
        return database.ClaimAsync<IntentOutcome?>(async (c, t) =>
        {
            var row = await c.QuerySingleOrDefaultAsync<IntentRow>(
                "SELECT id, kind, payload, created_at AS CreatedAt, due_at AS DueAt, attempts, last_error AS LastError FROM intents " +
                "WHERE id = @id AND completed_at IS NULL AND due_at <= @now" + database.RowClaim,
                new { id, now }, t).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var outcome = await run(row.ToIntent()).ConfigureAwait(false);
            if (t is null)
            {
                await database.WriteAsync((wc, wt) => RecordAsync(wc, wt, id, outcome), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RecordAsync(c, t, id, outcome).ConfigureAwait(false);
            }

            return outcome;
        }, cancellationToken);
    }

    private static Task RecordAsync(DbConnection connection, DbTransaction transaction, string id, IntentOutcome outcome) => outcome.RetryAt is { } retryAt
        ? connection.ExecuteAsync(
            "UPDATE intents SET attempts = attempts + 1, last_error = @error, due_at = @retryAt WHERE id = @id",
            new { id, error = outcome.Error, retryAt }, transaction)
        : connection.ExecuteAsync("UPDATE intents SET completed_at = @at, attempts = attempts + 1 WHERE id = @id", new { id, at = outcome.At }, transaction);

    private sealed record IntentRow(string Id, string Kind, string Payload, string CreatedAt, string DueAt, long Attempts, string? LastError)
    {
        public Intent ToIntent() => new(Id, Kind, Payload, InstantTypeHandler.Parse(CreatedAt), InstantTypeHandler.Parse(DueAt), (int)Attempts, LastError);
    }
}
