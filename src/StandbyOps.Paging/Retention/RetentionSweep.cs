using Dapper;
using NodaTime;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Retention;

/// <summary>
/// Deletes what <see cref="RetentionPolicy"/> lets go, measured on the injected clock. Each kind of row goes in a
/// transaction of its own, so a sweep never holds the write lock for long.
/// </summary>
public sealed class RetentionSweep(IDatabase database, IntentStore intents, IClock clock, RetentionPolicy policy)
{
    /// <summary>Runs one sweep and returns how many rows of each kind went.</summary>
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var intentsDeleted = await intents.DeleteCompletedBeforeAsync(now - policy.CompletedIntents, cancellationToken).ConfigureAwait(false);
        var pagesDeleted = await DeleteFinishedPagesAsync(now - policy.FinishedPages, cancellationToken).ConfigureAwait(false);
        var workDeleted = await DeleteClosedIncidentWorkAsync(now - policy.ClosedIncidentWork, cancellationToken).ConfigureAwait(false);
        return new RetentionResult(intentsDeleted, pagesDeleted, workDeleted);
    }

    private Task<int> DeleteFinishedPagesAsync(Instant before, CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) =>
        {
            var finished = new { before, delivered = DeliveryStatus.Delivered, undelivered = DeliveryStatus.Undelivered, failed = DeliveryStatus.Failed };
            const string Old = "SELECT id FROM paging_pages WHERE sent_at < @before AND status IN (@delivered, @undelivered, @failed)";
            await c.ExecuteAsync($"DELETE FROM paging_items WHERE page_id IN ({Old})", finished, t).ConfigureAwait(false);
            await c.ExecuteAsync("DELETE FROM sms_outbox WHERE sent_at < @before", new { before }, t).ConfigureAwait(false);
            return await c.ExecuteAsync($"DELETE FROM paging_pages WHERE id IN ({Old})", finished, t).ConfigureAwait(false);
        }, cancellationToken);

    private Task<int> DeleteClosedIncidentWorkAsync(Instant before, CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) =>
        {
            const string Closed = "SELECT case_number FROM incidents WHERE state = 'closed' AND closed_at < @before";
            var parameters = new { before };
            var deleted = await c.ExecuteAsync(
                $"DELETE FROM paging_steps WHERE escalation_id IN (SELECT id FROM paging_escalations WHERE case_number IN ({Closed}))", parameters, t).ConfigureAwait(false);
            deleted += await c.ExecuteAsync($"DELETE FROM paging_items WHERE page_id IS NULL AND case_number IN ({Closed})", parameters, t).ConfigureAwait(false);
            deleted += await c.ExecuteAsync($"DELETE FROM paging_codes WHERE released = 1 AND case_number IN ({Closed})", parameters, t).ConfigureAwait(false);
            deleted += await c.ExecuteAsync($"DELETE FROM paging_escalations WHERE case_number IN ({Closed})", parameters, t).ConfigureAwait(false);
            return deleted;
        }, cancellationToken);
}
