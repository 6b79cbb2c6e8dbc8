using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Paging's SQL, all of it: escalations and the steps they ran, page items waiting per phone, pages and their delivery,
/// reply codes and opt-outs. Each method is one transaction; decisions are rows (and intents) before any side effect.
/// </summary>
public sealed class PagingStore(IDatabase database)
{
    private const string PageSelect = "SELECT id AS Id, phone AS Phone, engineer AS Engineer, body AS Body, sent_at AS SentAt, status AS Status, provider_id AS ProviderId, channel AS Channel FROM paging_pages";

    /// <summary>
    /// Records an escalation <paramref name="id"/> and, with it, either its first step (<paramref name="firstStep"/>, due now)
    /// or that step's intent at <paramref name="firstDue"/>. False when the escalation already exists (a re-driven start).
    /// </summary>
    public Task<bool> StartEscalationAsync(string id, string caseNumber, string mode, Instant now, StepPlan? firstStep, Instant firstDue, CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) =>
        {
            var inserted = await c.ExecuteAsync(
                "INSERT INTO paging_escalations (id, case_number, mode, started_at, stopped) VALUES (@id, @caseNumber, @mode, @at, 0) ON CONFLICT DO NOTHING",
                new { id, caseNumber, mode, at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false);
            if (inserted == 0)
            {
                return false;
            }

            if (firstStep is null)
            {
                await IntentStore.AddAsync(c, t, PagingIntents.Step, PagingIntents.StepPayload(id, 0), now, firstDue).ConfigureAwait(false);
            }
            else
            {
                await WriteStepAsync(c, t, id, caseNumber, 0, firstStep, now).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);

    /// <summary>Records that an incident is not paged (a stopped escalation of mode <c>none</c>); false when already recorded.</summary>
    public Task<bool> RecordNotPagedAsync(string id, string caseNumber, Instant now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "INSERT INTO paging_escalations (id, case_number, mode, started_at, stopped) VALUES (@id, @caseNumber, 'none', @at, 1) ON CONFLICT DO NOTHING",
            new { id, caseNumber, at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false) > 0, cancellationToken);

    /// <summary>One escalation, or null.</summary>
    public Task<EscalationRow?> EscalationAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<EscalationRow>(
            "SELECT id AS Id, case_number AS CaseNumber, mode AS Mode, started_at AS StartedAt, stopped AS Stopped FROM paging_escalations WHERE id = @id",
            new { id }), cancellationToken);

    /// <summary>Records that step <paramref name="index"/> ran (once: false when it already had), with its page items, send intents and the next step's intent.</summary>
    public Task<bool> RunStepAsync(string escalationId, string caseNumber, int index, StepPlan plan, Instant now, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => WriteStepAsync(c, t, escalationId, caseNumber, index, plan, now), cancellationToken);

    /// <summary>Stops every escalation of an incident.</summary>
    public Task StopAsync(string caseNumber, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE paging_escalations SET stopped = 1 WHERE case_number = @caseNumber AND stopped = 0", new { caseNumber }, t), cancellationToken);

    /// <summary>How many page items an incident had (whether anyone was paged).</summary>
    public Task<long> ItemCountAsync(string caseNumber, CancellationToken cancellationToken) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM paging_items WHERE case_number = @caseNumber", new { caseNumber }), cancellationToken);

    /// <summary>Frees an incident's reply codes.</summary>
    public Task ReleaseCodesAsync(string caseNumber, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE paging_codes SET released = 1 WHERE case_number = @caseNumber", new { caseNumber }, t), cancellationToken);

    /// <summary>Pages of <paramref name="channel"/> to <paramref name="phone"/> written but not answered by the provider (a crash or a transient failure interrupted them), oldest first.</summary>
    public Task<List<PageRow>> UnansweredPagesAsync(string phone, string channel, CancellationToken cancellationToken) =>
        database.ReadAsync(async c => (await c.QueryAsync<PageRow>(
            PageSelect + " WHERE phone = @phone AND channel = @channel AND status = @pending AND provider_id IS NULL ORDER BY sent_at, id", new { phone, channel, pending = DeliveryStatus.Pending }).ConfigureAwait(false)).ToList(), cancellationToken);

    /// <summary>One page, or null.</summary>
    public Task<PageRow?> PageAsync(string pageId, CancellationToken cancellationToken) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<PageRow>(PageSelect + " WHERE id = @pageId", new { pageId }), cancellationToken);

    /// <summary>When texts went to <paramref name="phone"/> after <paramref name="since"/>.</summary>
    public Task<List<Instant>> SentTimesAsync(string phone, Instant since, CancellationToken cancellationToken) =>
        database.ReadAsync(async c => (await c.QueryAsync<string>(
            "SELECT sent_at FROM paging_pages WHERE phone = @phone AND channel = @sms AND sent_at > @since", new { phone, sms = PageChannel.Sms, since = InstantTypeHandler.Format(since) }).ConfigureAwait(false)).Select(InstantTypeHandler.Parse).ToList(), cancellationToken);

    /// <summary>Schedules another send for <paramref name="phone"/> at <paramref name="due"/>.</summary>
    public Task AddSendAsync(string phone, Instant now, Instant due, CancellationToken cancellationToken) =>
        AddSendAsync(PageChannel.Sms, phone, now, due, cancellationToken);

    /// <summary>Schedules another text or call (by <paramref name="channel"/>) for <paramref name="phone"/> at <paramref name="due"/>.</summary>
    public Task AddSendAsync(string channel, string phone, Instant now, Instant due, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => IntentStore.AddAsync(c, t, PageChannel.SendIntentOf(channel), phone, now, due), cancellationToken);

    /// <summary>Page items of <paramref name="channel"/> waiting for <paramref name="phone"/>, oldest first.</summary>
    public Task<List<ItemRow>> WaitingItemsAsync(string phone, string channel, CancellationToken cancellationToken) =>
        database.ReadAsync(async c => (await c.QueryAsync<ItemRow>(
            "SELECT id AS Id, escalation_id AS EscalationId, step_index AS StepIndex, case_number AS CaseNumber, engineer AS Engineer FROM paging_items WHERE phone = @phone AND channel = @channel AND page_id IS NULL ORDER BY created_at, id",
            new { phone, channel }).ConfigureAwait(false)).ToList(), cancellationToken);

    /// <summary>
    /// Turns waiting items into one page of <paramref name="channel"/>: items of <paramref name="settled"/> incidents are
    /// closed without a page; the live ones get reply codes (per phone; a call's get 0, it takes a keypress instead) and
    /// <paramref name="compose"/> writes the body from them. Null when nothing is live.
    /// </summary>
    public Task<PageRow?> CreatePageAsync(
        string phone,
        string channel,
        IReadOnlyList<ItemRow> live,
        IReadOnlyList<ItemRow> settled,
        Func<IReadOnlyList<(string CaseNumber, int Code)>, string> compose,
        Instant now,
        CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("UPDATE paging_items SET page_id = '-' WHERE id = @id AND page_id IS NULL", settled.Select(p => new { id = p.Id }).ToList(), t).ConfigureAwait(false);
            if (live.Count == 0)
            {
                return null;
            }

            var codes = new List<(string CaseNumber, int Code)>();
            foreach (var caseNumber in live.Select(p => p.CaseNumber).Distinct(StringComparer.Ordinal))
            {
                codes.Add((caseNumber, channel == PageChannel.Sms ? await AssignCodeAsync(c, t, phone, caseNumber, now).ConfigureAwait(false) : 0));
            }

            var pageId = "PG" + Guid.NewGuid().ToString("N");
            var body = compose(codes);
            var engineer = live[0].Engineer;
            await c.ExecuteAsync(
                "INSERT INTO paging_pages (id, phone, engineer, body, sent_at, status, provider_id, error, channel) VALUES (@pageId, @phone, @engineer, @body, @at, @pending, NULL, NULL, @channel)",
                new { pageId, phone, engineer, body, at = InstantTypeHandler.Format(now), pending = DeliveryStatus.Pending, channel }, t).ConfigureAwait(false);
            var claimed = await c.ExecuteAsync("UPDATE paging_items SET page_id = @pageId WHERE id = @id AND page_id IS NULL", live.Select(p => new { pageId, id = p.Id }).ToList(), t).ConfigureAwait(false);
            if (claimed != live.Count)
            {
                // Another sender took some of these items meanwhile: roll back and let the caller read again.
                throw new InvalidOperationException($"Page items for {Sms.PhoneNumber.Mask(phone)} were claimed concurrently.");
            }

            return new PageRow(pageId, phone, engineer, body, InstantTypeHandler.Format(now), DeliveryStatus.Pending, null, channel);
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> while this node alone sends to <paramref name="phone"/>: its <c>paging_phones</c> row is
    /// claimed (<see cref="IDatabase.ClaimAsync{T}"/>, <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL) until work returns.
    /// False, without running work, when another node holds the phone. The row is written with the phone's first page
    /// item, so claiming never inserts (an uncommitted insert would make the step's write wait on the claim).
    /// </summary>
    public async Task<bool> ClaimPhoneAsync(string phone, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var outcome = await database.ClaimAsync<bool?>(async (c, t) =>
            {
                if (await c.ExecuteScalarAsync<string?>("SELECT phone FROM paging_phones WHERE phone = @phone" + database.RowClaim, new { phone }, t).ConfigureAwait(false) is null)
                {
                    // Held by another node, or not known yet (a send scheduled without items): tell them apart without waiting.
                    return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM paging_phones WHERE phone = @phone", new { phone }, t).ConfigureAwait(false) > 0 ? false : null;
                }

                await work().ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            if (outcome is { } claimed)
            {
                return claimed;
            }

            await database.WriteAsync((c, t) => AddPhoneAsync(c, t, phone), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>The keyword a phone opted out with (STOP, …), or null.</summary>
    public Task<string?> OptOutAsync(string phone, CancellationToken cancellationToken) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<string?>("SELECT keyword FROM paging_optouts WHERE phone = @phone", new { phone }), cancellationToken);

    /// <summary>Records the provider's id and first status of a sent page (a callback may have advanced the status already).</summary>
    public Task MarkAcceptedAsync(string pageId, string providerId, string status, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE paging_pages SET provider_id = @providerId, status = CASE WHEN status = @pending THEN @status ELSE status END WHERE id = @pageId",
            new { providerId, status, pending = DeliveryStatus.Pending, pageId }, t), cancellationToken);

    /// <summary>Records that the provider refused a page.</summary>
    public Task MarkFailedAsync(string pageId, string reason, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE paging_pages SET status = @failed, error = @reason WHERE id = @pageId",
            new { failed = DeliveryStatus.Failed, reason, pageId }, t), cancellationToken);

    /// <summary>
    /// Applies a reported delivery status to the page with <paramref name="providerId"/> (or, before the id is stored,
    /// <paramref name="pageId"/>); the page after the change, or null when it is unknown or the status does not advance.
    /// </summary>
    public Task<PageRow?> AdvanceStatusAsync(string providerId, string? pageId, string reported, string? errorCode, CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) =>
        {
            var page = await c.QuerySingleOrDefaultAsync<PageRow>(
                PageSelect + " WHERE provider_id = @providerId OR (provider_id IS NULL AND id = @pageId)", new { providerId, pageId }, t).ConfigureAwait(false);
            if (page is null)
            {
                return null;
            }

            var next = DeliveryStatus.Advance(page.Status, reported);
            if (next == page.Status)
            {
                return null;
            }

            await c.ExecuteAsync(
                "UPDATE paging_pages SET status = @next, error = COALESCE(@errorCode, error), provider_id = COALESCE(provider_id, @providerId) WHERE id = @Id",
                new { next, errorCode, providerId, page.Id }, t).ConfigureAwait(false);
            return page with { Status = next, ProviderId = page.ProviderId ?? providerId };
        }, cancellationToken);

    /// <summary>Makes the next step of every escalation a failed page belonged to due now.</summary>
    public Task EscalateNowAsync(string pageId, Instant now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) =>
        {
            var steps = await c.QueryAsync<(string EscalationId, long StepIndex)>(
                "SELECT DISTINCT escalation_id, step_index FROM paging_items WHERE page_id = @pageId", new { pageId }, t).ConfigureAwait(false);
            foreach (var (escalationId, stepIndex) in steps)
            {
                await IntentStore.AddAsync(c, t, PagingIntents.Step, PagingIntents.StepPayload(escalationId, (int)stepIndex + 1), now, now).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>The incidents a page was about.</summary>
    public Task<List<string>> CasesOfPageAsync(string pageId, CancellationToken cancellationToken) =>
        database.ReadAsync(async c => (await c.QueryAsync<string>(
            "SELECT DISTINCT case_number FROM paging_items WHERE page_id = @pageId", new { pageId }).ConfigureAwait(false)).ToList(), cancellationToken);

    /// <summary>
    /// Records an all-clear text to every engineer a page (text or call) reached about <paramref name="caseNumber"/>, each
    /// with its send intent, once per resolution (<paramref name="resolvedAt"/>); the ids of those newly recorded.
    /// </summary>
    public Task<List<string>> AddAllClearsAsync(string caseNumber, Instant resolvedAt, Instant now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (c, t) =>
        {
            var paged = await c.QueryAsync<(string Engineer, string Phone)>(
                """
                SELECT DISTINCT i.engineer, i.phone FROM paging_items i JOIN paging_pages p ON p.id = i.page_id
                WHERE i.case_number = @caseNumber AND p.provider_id IS NOT NULL ORDER BY i.phone
                """, new { caseNumber }, t).ConfigureAwait(false);
            var added = new List<string>();
            foreach (var (engineer, phone) in paged)
            {
                var id = $"{caseNumber}|{InstantTypeHandler.Format(resolvedAt)}|{phone}";
                var inserted = await c.ExecuteAsync(
                    "INSERT INTO paging_allclears (id, case_number, engineer, phone, created_at, status, provider_id, error) VALUES (@id, @caseNumber, @engineer, @phone, @at, @pending, NULL, NULL) ON CONFLICT DO NOTHING",
                    new { id, caseNumber, engineer, phone, at = InstantTypeHandler.Format(now), pending = DeliveryStatus.Pending }, t).ConfigureAwait(false);
                if (inserted > 0)
                {
                    await IntentStore.AddAsync(c, t, PagingIntents.AllClear, id, now, now).ConfigureAwait(false);
                    added.Add(id);
                }
            }

            return added;
        }, cancellationToken);

    /// <summary>One all-clear, or null.</summary>
    public Task<AllClearRow?> AllClearAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<AllClearRow>(
            "SELECT id AS Id, case_number AS CaseNumber, engineer AS Engineer, phone AS Phone, status AS Status, provider_id AS ProviderId FROM paging_allclears WHERE id = @id",
            new { id }), cancellationToken);

    /// <summary>Records what became of an all-clear: the provider's id and status, or a failure.</summary>
    public Task MarkAllClearAsync(string id, string status, string? providerId, string? error, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE paging_allclears SET status = @status, provider_id = @providerId, error = @error WHERE id = @id",
            new { id, status, providerId, error }, t), cancellationToken);

    private static async Task<bool> WriteStepAsync(DbConnection c, DbTransaction t, string escalationId, string caseNumber, int index, StepPlan plan, Instant now)
    {
        var inserted = await c.ExecuteAsync(
            "INSERT INTO paging_steps (escalation_id, step_index, ran_at) VALUES (@escalationId, @index, @at) ON CONFLICT DO NOTHING",
            new { escalationId, index, at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false);
        if (inserted == 0)
        {
            return false;
        }

        foreach (var (engineer, phone) in plan.Targets)
        {
            await AddPhoneAsync(c, t, phone).ConfigureAwait(false);
            await c.ExecuteAsync(
                "INSERT INTO paging_items (id, escalation_id, step_index, case_number, engineer, phone, created_at, page_id, channel) VALUES (@id, @escalationId, @index, @caseNumber, @engineer, @phone, @at, NULL, @Channel)",
                new { id = "PI" + Guid.NewGuid().ToString("N"), escalationId, index, caseNumber, engineer, phone, at = InstantTypeHandler.Format(now), plan.Channel },
                t).ConfigureAwait(false);
            await IntentStore.AddAsync(c, t, PageChannel.SendIntentOf(plan.Channel), phone, now, plan.SendAt).ConfigureAwait(false);
        }

        if (plan.NextDue is { } due)
        {
            await IntentStore.AddAsync(c, t, PagingIntents.Step, PagingIntents.StepPayload(escalationId, index + 1), now, due).ConfigureAwait(false);
        }

        return true;
    }

    // ON CONFLICT DO NOTHING does not lock the existing row, so this never waits for a sender's claim on it.
    private static Task<int> AddPhoneAsync(DbConnection c, DbTransaction t, string phone) =>
        c.ExecuteAsync("INSERT INTO paging_phones (phone) VALUES (@phone) ON CONFLICT DO NOTHING", new { phone }, t);

    private static async Task<int> AssignCodeAsync(DbConnection c, DbTransaction t, string phone, string caseNumber, Instant now)
    {
        var validSince = InstantTypeHandler.Format(now - ShortCodes.Lifetime);
        var live = (await c.QueryAsync<(long Code, string CaseNumber)>(
            "SELECT code, case_number FROM paging_codes WHERE phone = @phone AND released = 0 AND assigned_at > @validSince",
            new { phone, validSince }, t).ConfigureAwait(false)).ToList();
        if (live.FirstOrDefault(l => l.CaseNumber == caseNumber) is { CaseNumber: not null } own)
        {
            return (int)own.Code;
        }

        var code = ShortCodes.LowestFree(live.Select(l => (int)l.Code));
        await c.ExecuteAsync(
            "INSERT INTO paging_codes (phone, code, case_number, assigned_at, released) VALUES (@phone, @code, @caseNumber, @at, 0) ON CONFLICT (phone, code) DO UPDATE SET case_number = excluded.case_number, assigned_at = excluded.assigned_at, released = 0",
            new { phone, code, caseNumber, at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false);
        return code;
    }
}
