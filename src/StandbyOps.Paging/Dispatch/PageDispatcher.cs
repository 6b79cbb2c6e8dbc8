using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Sms;
using StandbyOps.Configuration.Teams;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Sla;
using StandbyOps.Paging.Sms;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Pages engineers about incidents: starts escalations, runs their due steps, groups pending pages per phone
/// into one SMS, records delivery and escalates on failure. Every decision is written before its side effect;
/// the due work lives in the intents table, so a restart resumes where it stopped (at worst one SMS repeats).
/// </summary>
public sealed partial class PageDispatcher
{
    /// <summary>Escalation mode inside agreed standby: the team's escalation policy.</summary>
    public const string StandbyMode = "standby";

    /// <summary>Escalation mode inside business hours: one page to the duty engineer.</summary>
    public const string DutyMode = "duty";

    /// <summary>Twilio's code for a recipient that opted out by replying STOP; recorded for pages not tried for that reason.</summary>
    public const int OptedOutErrorCode = 21610;

    private static readonly Actor Pager = Actor.OfSystem("paging");

    private readonly IDatabase _database;
    private readonly IClock _clock;
    private readonly IncidentDesk _desk;
    private readonly IncidentSlaPolicy _sla;
    private readonly Func<StandbyOpsConfig> _config;
    private readonly ISmsSender _sender;
    private readonly ICalloutRecorder _callouts;
    private readonly IRotaSource _rotas;
    private readonly PagingOptions _options;
    private readonly PagingMetrics _metrics;
    private readonly ILogger<PageDispatcher> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _phoneGates = new(StringComparer.Ordinal);

    /// <summary>Creates the dispatcher; <paramref name="config"/> is asked at each use so reloads are followed, and <paramref name="rotas"/> at each step so overrides are.</summary>
    public PageDispatcher(
        IDatabase database,
        IClock clock,
        IncidentDesk desk,
        IncidentSlaPolicy sla,
        Func<StandbyOpsConfig> config,
        ISmsSender sender,
        ICalloutRecorder callouts,
        IRotaSource rotas,
        PagingOptions options,
        PagingMetrics metrics,
        ILogger<PageDispatcher> logger)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _desk = desk ?? throw new ArgumentNullException(nameof(desk));
        _sla = sla ?? throw new ArgumentNullException(nameof(sla));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _callouts = callouts ?? throw new ArgumentNullException(nameof(callouts));
        _rotas = rotas ?? throw new ArgumentNullException(nameof(rotas));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Decides whether an opened or reopened incident pages anyone and, if so, writes its first due step.</summary>
    public async Task StartAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var now = _clock.GetCurrentInstant();
        var config = _config();
        if (!config.Customers.TryGetValue(incident.Customer, out var customer) || customer.Team is null
            || !config.Teams.TryGetValue(customer.Team, out var team))
        {
            await RecordDecisionAsync(incident.CaseNumber, now, cancellationToken).ConfigureAwait(false);
            await NoteAsync(incident.CaseNumber, "not-paged", "Not paged: the customer has no team", cancellationToken).ConfigureAwait(false);
            return;
        }

        string mode;
        if (await _sla.IsInsideAgreedStandbyAsync(incident.Customer, now, cancellationToken).ConfigureAwait(false))
        {
            mode = StandbyMode;
        }
        else if (_sla.ContractOf(incident.Customer)?.Calendar.IsOpen(now) == true && team.Duty is not null)
        {
            mode = DutyMode;
        }
        else
        {
            var why = _sla.ContractOf(incident.Customer)?.Calendar.IsOpen(now) == true
                ? "Not paged: business hours and the team has no duty engineer; the ticket waits in the desk queue"
                : "Not paged: outside agreed standby and business hours; the ticket waits for business hours";
            await RecordDecisionAsync(incident.CaseNumber, now, cancellationToken).ConfigureAwait(false);
            await NoteAsync(incident.CaseNumber, "not-paged", why, cancellationToken).ConfigureAwait(false);
            return;
        }

        var policy = PagingTargets.PolicyOf(team);
        var firstDue = mode == DutyMode || policy is null ? now : Later(now, now + policy.Steps[0].After);
        var id = "ES" + Guid.NewGuid().ToString("N");
        // A first step due now is written with the escalation, in one transaction: the page is durable when the desk
        // call returns, and the relay only has the send left to do (no step intent to run first).
        var plan = firstDue <= now ? await PlanStepAsync(mode, now, 0, team, now, cancellationToken).ConfigureAwait(false) : null;
        await _database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                "INSERT INTO paging_escalations (id, case_number, mode, started_at, stopped) VALUES (@id, @case, @mode, @at, 0)",
                new { id, @case = incident.CaseNumber, mode, at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false);
            if (plan is null)
            {
                await IntentStore.AddAsync(c, t, PagingIntents.Step, PagingIntents.StepPayload(id, 0), now, firstDue).ConfigureAwait(false);
            }
            else
            {
                await WriteStepAsync(c, t, id, incident.CaseNumber, 0, plan, team, now).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        LogStarted(incident.CaseNumber, mode, team.Id);
        if (plan is not null)
        {
            await NoteStepAsync(incident.CaseNumber, 0, plan.Engineers, cancellationToken).ConfigureAwait(false);
        }

        _options.Wake();
    }

    /// <summary>
    /// Starts paging for open incidents that opened within <paramref name="lookBack"/> but have no paging decision:
    /// the desk committed them and the process died before the observer wrote the first step.
    /// </summary>
    public async Task<int> CatchUpAsync(Duration lookBack, CancellationToken cancellationToken = default)
    {
        var since = _clock.GetCurrentInstant() - lookBack;
        var decided = await _database.ReadAsync(async c => (await c.QueryAsync<string>("SELECT DISTINCT case_number FROM paging_escalations").ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var started = 0;
        foreach (var incident in await _desk.ListAsync(new IncidentFilter(IncidentState.Open), cancellationToken).ConfigureAwait(false))
        {
            if (incident.OpenedAt >= since && !decided.Contains(incident.CaseNumber))
            {
                await StartAsync(incident, cancellationToken).ConfigureAwait(false);
                started++;
            }
        }

        return started;
    }

    /// <summary>Runs one escalation step (once: a repeated run of the same step is a no-op) and writes the next one.</summary>
    public async Task RunStepAsync(string escalationId, int index, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        var escalation = await _database.ReadAsync(c => c.QuerySingleOrDefaultAsync<EscalationRow>(
            "SELECT id AS Id, case_number AS CaseNumber, mode AS Mode, started_at AS StartedAt, stopped AS Stopped FROM paging_escalations WHERE id = @escalationId",
            new { escalationId }), cancellationToken).ConfigureAwait(false);
        if (escalation is null || escalation.Stopped != 0)
        {
            return;
        }

        var detail = await _desk.GetAsync(escalation.CaseNumber, cancellationToken).ConfigureAwait(false);
        if (detail is null || detail.Incident.State != IncidentState.Open)
        {
            await StopAsync(escalation.CaseNumber, cancellationToken).ConfigureAwait(false);
            return;
        }

        var config = _config();
        var team = TeamOf(config, detail.Incident.Customer);
        if (team is null)
        {
            return;
        }

        var plan = await PlanStepAsync(escalation.Mode, InstantTypeHandler.Parse(escalation.StartedAt), index, team, now, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        var ran = await _database.WriteAsync((c, t) => WriteStepAsync(c, t, escalationId, escalation.CaseNumber, index, plan, team, now), cancellationToken).ConfigureAwait(false);
        if (!ran)
        {
            return;
        }

        if (plan.SendAt == now)
        {
            // No group wait: send now rather than after another relay round; the send rows stay as the durable fallback.
            foreach (var phone in plan.Engineers.Select(e => PhoneNumber.Normalize(team.Engineers[e].Phone)).Distinct(StringComparer.Ordinal))
            {
                try
                {
                    await SendAsync(phone, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendDeferred(ex, PhoneNumber.Mask(phone));
                }
            }
        }

        await NoteStepAsync(escalation.CaseNumber, index, plan.Engineers, cancellationToken).ConfigureAwait(false);
        _options.Wake();
    }

    /// <summary>Whom step <paramref name="index"/> of an escalation pages now, when its next step is due and when to send; null when there is no such step.</summary>
    private async Task<StepPlan?> PlanStepAsync(string mode, Instant startedAt, int index, TeamConfig team, Instant now, CancellationToken cancellationToken)
    {
        var rota = await _rotas.ForAsync(team, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> engineers;
        Instant? nextDue = null;
        if (mode == DutyMode)
        {
            if (index > 0)
            {
                return null;
            }

            engineers = PagingTargets.DutyAt(rota, team, now) is { } duty ? [duty] : [];
        }
        else
        {
            var policy = PagingTargets.PolicyOf(team);
            if (policy?.StepAt(index) is not { } step)
            {
                return null;
            }

            engineers = PagingTargets.Resolve(step.Step, rota, team, now);
            if (policy.StepAt(index + 1) is { } next)
            {
                nextDue = Later(now, startedAt + next.DueAfter);
            }
        }

        return new StepPlan(engineers, nextDue, now + (team.GroupWait > Duration.Zero ? team.GroupWait : Duration.Zero));
    }

    /// <summary>Records that a step ran (once: false when it already had) with its page items, send intents and the next step's intent.</summary>
    private static async Task<bool> WriteStepAsync(DbConnection c, DbTransaction t, string escalationId, string caseNumber, int index, StepPlan plan, TeamConfig team, Instant now)
    {
        var inserted = await c.ExecuteAsync(
            "INSERT INTO paging_steps (escalation_id, step_index, ran_at) VALUES (@escalationId, @index, @at) ON CONFLICT DO NOTHING",
            new { escalationId, index, at = InstantTypeHandler.Format(now) }, t).ConfigureAwait(false);
        if (inserted == 0)
        {
            return false;
        }

        foreach (var engineer in plan.Engineers)
        {
            var phone = PhoneNumber.Normalize(team.Engineers[engineer].Phone);
            await c.ExecuteAsync(
                "INSERT INTO paging_items (id, escalation_id, step_index, case_number, engineer, phone, created_at, page_id) VALUES (@id, @escalationId, @index, @caseNumber, @engineer, @phone, @at, NULL)",
                new { id = "PI" + Guid.NewGuid().ToString("N"), escalationId, index, caseNumber, engineer, phone, at = InstantTypeHandler.Format(now) },
                t).ConfigureAwait(false);
            await IntentStore.AddAsync(c, t, PagingIntents.Send, phone, now, plan.SendAt).ConfigureAwait(false);
        }

        if (plan.NextDue is { } due)
        {
            await IntentStore.AddAsync(c, t, PagingIntents.Step, PagingIntents.StepPayload(escalationId, index + 1), now, due).ConfigureAwait(false);
        }

        return true;
    }

    private async Task NoteStepAsync(string caseNumber, int index, IReadOnlyList<string> engineers, CancellationToken cancellationToken)
    {
        if (index > 0)
        {
            var who = engineers.Count == 0 ? "nobody (no engineer resolved)" : string.Join(", ", engineers);
            await NoteAsync(caseNumber, "escalated", $"Escalated (step {index + 1}) to {who}", cancellationToken).ConfigureAwait(false);
        }
        else if (engineers.Count == 0)
        {
            await NoteAsync(caseNumber, "not-paged", "Not paged: no engineer resolved for the first step", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends what is pending for <paramref name="phone"/> as one SMS, after re-sending a page a crash interrupted.
    /// Sends to one phone are serialized (intents run concurrently), so two callers never page the same items twice.
    /// </summary>
    public async Task SendAsync(string phone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var gate = _phoneGates.GetOrAdd(phone, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendSerializedAsync(phone, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task SendSerializedAsync(string phone, CancellationToken cancellationToken)
    {
        var interrupted = await _database.ReadAsync(async c => (await c.QueryAsync<PageRow>(
            PageSelect + " WHERE phone = @phone AND status = @pending ORDER BY sent_at", new { phone, pending = DeliveryStatus.Pending }).ConfigureAwait(false)).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var stale in interrupted)
        {
            await DeliverAsync(stale, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.GetCurrentInstant();
        var sentTimes = await _database.ReadAsync(async c => (await c.QueryAsync<string>(
            "SELECT sent_at FROM paging_pages WHERE phone = @phone AND sent_at > @since", new { phone, since = InstantTypeHandler.Format(now - _options.Budget.Window) }).ConfigureAwait(false)).ToList(), cancellationToken).ConfigureAwait(false);
        var allowed = _options.Budget.NextAllowed(sentTimes.Select(InstantTypeHandler.Parse), now);
        if (allowed > now)
        {
            // Over the per-phone limit: wait, and whatever is pending by then goes out together.
            await _database.WriteAsync((c, t) => IntentStore.AddAsync(c, t, PagingIntents.Send, phone, now, allowed), cancellationToken).ConfigureAwait(false);
            return;
        }

        var pending = await _database.ReadAsync(async c => (await c.QueryAsync<ItemRow>(
            "SELECT id AS Id, escalation_id AS EscalationId, step_index AS StepIndex, case_number AS CaseNumber, engineer AS Engineer FROM paging_items WHERE phone = @phone AND page_id IS NULL ORDER BY created_at, id",
            new { phone }).ConfigureAwait(false)).ToList(), cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return;
        }

        var config = _config();
        var incidents = new Dictionary<string, Incident>(StringComparer.Ordinal);
        foreach (var caseNumber in pending.Select(p => p.CaseNumber).Distinct(StringComparer.Ordinal))
        {
            if (await _desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) is { Incident: { State: IncidentState.Open } incident })
            {
                incidents[caseNumber] = incident;
            }
        }

        var pageId = "PG" + Guid.NewGuid().ToString("N");
        var page = await _database.WriteAsync(async (c, t) =>
        {
            // Items of incidents acknowledged or resolved meanwhile are settled without an SMS.
            var live = pending.Where(p => incidents.ContainsKey(p.CaseNumber)).ToList();
            await c.ExecuteAsync("UPDATE paging_items SET page_id = '-' WHERE id = @id AND page_id IS NULL", pending.Where(p => !incidents.ContainsKey(p.CaseNumber)).Select(p => new { id = p.Id }).ToList(), t).ConfigureAwait(false);
            if (live.Count == 0)
            {
                return null;
            }

            var paged = new List<PagedIncident>();
            foreach (var caseNumber in live.Select(p => p.CaseNumber).Distinct(StringComparer.Ordinal))
            {
                var code = await AssignCodeAsync(c, t, phone, caseNumber, now).ConfigureAwait(false);
                var incident = incidents[caseNumber];
                var customerName = config.Customers.TryGetValue(incident.Customer, out var customer) ? customer.Name : incident.Customer;
                paged.Add(new PagedIncident(code.ToString(System.Globalization.CultureInfo.InvariantCulture), caseNumber, incident.Priority.ToText(), customerName, incident.System, incident.Title));
            }

            var body = SmsComposer.Compose(paged);
            var engineer = live[0].Engineer;
            await c.ExecuteAsync(
                "INSERT INTO paging_pages (id, phone, engineer, body, sent_at, status, provider_id, error) VALUES (@pageId, @phone, @engineer, @body, @at, @pending, NULL, NULL)",
                new { pageId, phone, engineer, body, at = InstantTypeHandler.Format(now), pending = DeliveryStatus.Pending }, t).ConfigureAwait(false);
            await c.ExecuteAsync("UPDATE paging_items SET page_id = @pageId WHERE id = @id AND page_id IS NULL", live.Select(p => new { pageId, id = p.Id }).ToList(), t).ConfigureAwait(false);
            return new PageRow(pageId, phone, engineer, body, InstantTypeHandler.Format(now), DeliveryStatus.Pending, null);
        }, cancellationToken).ConfigureAwait(false);
        if (page is not null)
        {
            await DeliverAsync(page, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a delivery status from the provider; a failure moves the escalation to its next step at once.</summary>
    /// <remarks>
    /// The page is found by the provider's message id or, when the callback beat the send's answer and the id is not
    /// stored yet, by <paramref name="pageId"/> from the callback URL (which then also stores the provider id).
    /// </remarks>
    public async Task<bool> UpdateStatusAsync(string providerId, string reported, string? errorCode, string? pageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        ArgumentNullException.ThrowIfNull(reported);
        var change = await _database.WriteAsync(async (c, t) =>
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
            return page with { Status = next };
        }, cancellationToken).ConfigureAwait(false);
        if (change is null)
        {
            return false;
        }

        if (change.Status == DeliveryStatus.Delivered)
        {
            await NoteCasesAsync(change.Id, "page-delivered", $"Page to {change.Engineer} ({providerId}) delivered", cancellationToken).ConfigureAwait(false);
        }
        else if (DeliveryStatus.IsFailure(change.Status))
        {
            _metrics.Failed(PagingMetrics.Undelivered);
            await NoteCasesAsync(change.Id, "page-failed", $"Page to {change.Engineer} ({providerId}) {change.Status}{(errorCode is null ? "" : " (error " + errorCode + ")")}", cancellationToken).ConfigureAwait(false);
            await EscalateNowAsync(change.Id, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Stops every escalation of an incident (it was acknowledged, resolved or closed).</summary>
    public Task StopAsync(string caseNumber, CancellationToken cancellationToken = default) =>
        _database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE paging_escalations SET stopped = 1 WHERE case_number = @caseNumber AND stopped = 0", new { caseNumber }, t), cancellationToken);

    /// <summary>On acknowledgement: stops the escalation, measures time to acknowledge, and opens a callout inside agreed standby.</summary>
    public async Task AcknowledgedAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await StopAsync(incident.CaseNumber, cancellationToken).ConfigureAwait(false);
        var at = incident.AcknowledgedAt ?? _clock.GetCurrentInstant();
        var paged = await _database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM paging_items WHERE case_number = @CaseNumber", new { incident.CaseNumber }), cancellationToken).ConfigureAwait(false);
        if (paged > 0)
        {
            _metrics.Acknowledged((at - incident.OpenedAt).TotalSeconds);
        }

        if (incident.AcknowledgedBy is { Kind: ActorKind.Engineer } engineer
            && await _sla.IsInsideAgreedStandbyAsync(incident.Customer, at, cancellationToken).ConfigureAwait(false))
        {
            await _callouts.OpenAsync(incident.Customer, engineer.Name, incident.CaseNumber, at, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>On resolution: stops paging and ends the callout, if any.</summary>
    public async Task ResolvedAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await StopAsync(incident.CaseNumber, cancellationToken).ConfigureAwait(false);
        await _callouts.CloseAsync(incident.CaseNumber, incident.ResolvedAt ?? _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>On close: frees the incident's reply codes.</summary>
    public async Task ClosedAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await ResolvedAsync(incident, cancellationToken).ConfigureAwait(false);
        await _database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE paging_codes SET released = 1 WHERE case_number = @CaseNumber", new { incident.CaseNumber }, t), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team paging for <paramref name="customer"/>, or null.</summary>
    public static TeamConfig? TeamOf(StandbyOpsConfig config, string customer)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Customers.TryGetValue(customer, out var c) && c.Team is { } teamId && config.Teams.TryGetValue(teamId, out var team) ? team : null;
    }

    private async Task DeliverAsync(PageRow page, CancellationToken cancellationToken)
    {
        var config = _config();
        var callback = config.Sms.Provider == SmsProvider.Twilio
            ? config.Server.PublicUrl.AbsoluteUri.TrimEnd('/') + "/api/v1/twilio/status?page=" + page.Id
            : null;
        var optedOut = await _database.ReadAsync(c => c.ExecuteScalarAsync<string?>(
            "SELECT keyword FROM paging_optouts WHERE phone = @Phone", new { page.Phone }), cancellationToken).ConfigureAwait(false);
        var outcome = optedOut is not null
            ? new SmsPermanentFailure(OptedOutErrorCode, $"the phone replied {optedOut} and gets no SMS until it replies START")
            : await _sender.SendAsync(new OutgoingSms(page.Phone, page.Body, callback, page.Id), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case SmsAccepted accepted:
                await _database.WriteAsync((c, t) => c.ExecuteAsync(
                    "UPDATE paging_pages SET provider_id = @ProviderId, status = CASE WHEN status = @pending THEN @Status ELSE status END WHERE id = @Id",
                    new { accepted.ProviderId, accepted.Status, pending = DeliveryStatus.Pending, page.Id }, t), cancellationToken).ConfigureAwait(false);
                _metrics.Sent();
                await NoteCasesAsync(page.Id, "paged", $"Paged {page.Engineer} ({accepted.ProviderId})", cancellationToken).ConfigureAwait(false);
                break;
            case SmsPermanentFailure permanent:
                await _database.WriteAsync((c, t) => c.ExecuteAsync(
                    "UPDATE paging_pages SET status = @failed, error = @Reason WHERE id = @Id",
                    new { failed = DeliveryStatus.Failed, permanent.Reason, page.Id }, t), cancellationToken).ConfigureAwait(false);
                _metrics.Failed(PagingMetrics.Rejected);
                await NoteCasesAsync(page.Id, "page-failed", $"Page to {page.Engineer} failed: {permanent.Reason}", cancellationToken).ConfigureAwait(false);
                await EscalateNowAsync(page.Id, cancellationToken).ConfigureAwait(false);
                break;
            case SmsTransientFailure transient:
                // The page stays pending; the relay re-drives this intent and the page is sent again.
                throw new InvalidOperationException($"SMS to {PhoneNumber.Mask(page.Phone)} not sent yet: {transient.Reason}");
        }
    }

    private async Task EscalateNowAsync(string pageId, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        await _database.WriteAsync(async (c, t) =>
        {
            var steps = await c.QueryAsync<(string EscalationId, long StepIndex)>(
                "SELECT DISTINCT escalation_id, step_index FROM paging_items WHERE page_id = @pageId", new { pageId }, t).ConfigureAwait(false);
            foreach (var (escalationId, stepIndex) in steps)
            {
                await IntentStore.AddAsync(c, t, PagingIntents.Step, PagingIntents.StepPayload(escalationId, (int)stepIndex + 1), now, now).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        _options.Wake();
    }

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

    private async Task NoteCasesAsync(string pageId, string kind, string text, CancellationToken cancellationToken)
    {
        var cases = await _database.ReadAsync(async c => (await c.QueryAsync<string>(
            "SELECT DISTINCT case_number FROM paging_items WHERE page_id = @pageId", new { pageId }).ConfigureAwait(false)).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var caseNumber in cases)
        {
            await NoteAsync(caseNumber, kind, text, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task NoteAsync(string caseNumber, string kind, string text, CancellationToken cancellationToken) =>
        await _desk.RecordAsync(caseNumber, new TimelineEntry(_clock.GetCurrentInstant(), Pager, kind, text), cancellationToken).ConfigureAwait(false);

    private Task RecordDecisionAsync(string caseNumber, Instant now, CancellationToken cancellationToken) =>
        _database.WriteAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO paging_escalations (id, case_number, mode, started_at, stopped) VALUES (@id, @caseNumber, 'none', @at, 1)",
            new { id = "ES" + Guid.NewGuid().ToString("N"), caseNumber, at = InstantTypeHandler.Format(now) }, t), cancellationToken);

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private const string PageSelect = "SELECT id AS Id, phone AS Phone, engineer AS Engineer, body AS Body, sent_at AS SentAt, status AS Status, provider_id AS ProviderId FROM paging_pages";

    [LoggerMessage(Level = LogLevel.Information, Message = "Paging for {CaseNumber} started ({Mode}, team {Team})")]
    private partial void LogStarted(string caseNumber, string mode, string team);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page to {Phone} not sent yet; its send row retries it")]
    private partial void LogSendDeferred(Exception exception, string phone);

    private sealed record EscalationRow(string Id, string CaseNumber, string Mode, string StartedAt, long Stopped);

    private sealed record StepPlan(IReadOnlyList<string> Engineers, Instant? NextDue, Instant SendAt);

    private sealed record ItemRow(string Id, string EscalationId, long StepIndex, string CaseNumber, string Engineer);

    /// <summary>One stored page.</summary>
    internal sealed record PageRow(string Id, string Phone, string Engineer, string Body, string SentAt, string Status, string? ProviderId);
}
