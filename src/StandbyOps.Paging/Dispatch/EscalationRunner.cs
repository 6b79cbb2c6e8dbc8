using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Teams;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Sla;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Escalation: decides whether an opened or reopened incident pages anyone and how (standby policy or duty engineer),
/// runs due steps (each once), and stops on acknowledgement, resolution or close. Steps write page items and send
/// intents; <see cref="PageSender"/> turns them into SMS, or calls for <c>via: voice</c> steps.
/// </summary>
public sealed partial class EscalationRunner
{
    /// <summary>Escalation mode inside agreed standby: the team's escalation policy.</summary>
    public const string StandbyMode = "standby";

    /// <summary>Escalation mode inside business hours: one page to the duty engineer.</summary>
    public const string DutyMode = "duty";

    private readonly PagingStore _store;
    private readonly IClock _clock;
    private readonly IncidentDesk _desk;
    private readonly IncidentSlaPolicy _sla;
    private readonly Func<StandbyOpsConfig> _config;
    private readonly PageSender _sender;
    private readonly PagingNotes _notes;
    private readonly ICalloutRecorder _callouts;
    private readonly IRotaSource _rotas;
    private readonly PagingOptions _options;
    private readonly PagingMetrics _metrics;
    private readonly ILogger<EscalationRunner> _logger;

    /// <summary>Creates the runner; <paramref name="config"/> is asked at each use so reloads are followed, and <paramref name="rotas"/> at each step so overrides are.</summary>
    public EscalationRunner(
        PagingStore store,
        IClock clock,
        IncidentDesk desk,
        IncidentSlaPolicy sla,
        Func<StandbyOpsConfig> config,
        PageSender sender,
        PagingNotes notes,
        ICalloutRecorder callouts,
        IRotaSource rotas,
        PagingOptions options,
        PagingMetrics metrics,
        ILogger<EscalationRunner> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _desk = desk ?? throw new ArgumentNullException(nameof(desk));
        _sla = sla ?? throw new ArgumentNullException(nameof(sla));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _notes = notes ?? throw new ArgumentNullException(nameof(notes));
        _callouts = callouts ?? throw new ArgumentNullException(nameof(callouts));
        _rotas = rotas ?? throw new ArgumentNullException(nameof(rotas));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Starts paging for <paramref name="caseNumber"/>, opened or reopened at <paramref name="decidedAt"/>, as escalation
    /// <paramref name="escalationId"/> (one per start intent, so a re-driven start is a no-op). An incident no longer
    /// open is not paged. Standby or business hours are judged at <paramref name="decidedAt"/>; steps run from now.
    /// </summary>
    public async Task StartAsync(string escalationId, string caseNumber, Instant decidedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(escalationId);
        ArgumentNullException.ThrowIfNull(caseNumber);
        var now = _clock.GetCurrentInstant();
        if (await _desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) is not { Incident: { State: IncidentState.Open } incident })
        {
            return;
        }

        var team = TeamOf(_config(), incident.Customer);
        if (team is null)
        {
            await NotPagedAsync(escalationId, caseNumber, now, "Not paged: the customer has no team", cancellationToken).ConfigureAwait(false);
            return;
        }

        string mode;
        var open = _sla.ContractOf(incident.Customer)?.Calendar.IsOpen(decidedAt) == true;
        if (await _sla.IsInsideAgreedStandbyAsync(incident.Customer, decidedAt, cancellationToken).ConfigureAwait(false))
        {
            mode = StandbyMode;
        }
        else if (open && team.Duty is not null)
        {
            mode = DutyMode;
        }
        else
        {
            var why = open
                ? "Not paged: business hours and the team has no duty engineer; the ticket waits in the desk queue"
                : "Not paged: outside agreed standby and business hours; the ticket waits for business hours";
            await NotPagedAsync(escalationId, caseNumber, now, why, cancellationToken).ConfigureAwait(false);
            return;
        }

        var policy = PagingTargets.PolicyOf(team);
        var firstDue = mode == DutyMode || policy is null ? now : Later(now, now + policy.Steps[0].After);

        // A first step due now is written with the escalation, in one transaction; otherwise its intent is.
        var plan = firstDue <= now ? await PlanStepAsync(mode, now, 0, team, now, cancellationToken).ConfigureAwait(false) : null;
        if (!await _store.StartEscalationAsync(escalationId, caseNumber, mode, now, plan, firstDue, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        LogStarted(caseNumber, mode, team.Id);
        if (plan is not null)
        {
            await SendNowAsync(plan, cancellationToken).ConfigureAwait(false);
            await NoteStepAsync(caseNumber, 0, plan, cancellationToken).ConfigureAwait(false);
        }

        _options.Wake();
    }

    /// <summary>Runs one escalation step (once: a repeated run of the same step is a no-op) and writes the next one.</summary>
    public async Task RunStepAsync(string escalationId, int index, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        var escalation = await _store.EscalationAsync(escalationId, cancellationToken).ConfigureAwait(false);
        if (escalation is null || escalation.Stopped != 0)
        {
            return;
        }

        var detail = await _desk.GetAsync(escalation.CaseNumber, cancellationToken).ConfigureAwait(false);
        if (detail is null || detail.Incident.State != IncidentState.Open)
        {
            await _store.StopAsync(escalation.CaseNumber, cancellationToken).ConfigureAwait(false);
            return;
        }

        var team = TeamOf(_config(), detail.Incident.Customer);
        if (team is null)
        {
            return;
        }

        var plan = await PlanStepAsync(escalation.Mode, Storage.Database.InstantTypeHandler.Parse(escalation.StartedAt), index, team, now, cancellationToken).ConfigureAwait(false);
        if (plan is null || !await _store.RunStepAsync(escalationId, escalation.CaseNumber, index, plan, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await SendNowAsync(plan, cancellationToken).ConfigureAwait(false);
        await NoteStepAsync(escalation.CaseNumber, index, plan, cancellationToken).ConfigureAwait(false);
        _options.Wake();
    }

    /// <summary>Stops every escalation of an incident (it was acknowledged, resolved or closed).</summary>
    public Task StopAsync(string caseNumber, CancellationToken cancellationToken = default) => _store.StopAsync(caseNumber, cancellationToken);

    /// <summary>On acknowledgement: stops the escalation, measures time to acknowledge, and opens a callout inside agreed standby.</summary>
    public async Task AcknowledgedAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await StopAsync(incident.CaseNumber, cancellationToken).ConfigureAwait(false);
        var at = incident.AcknowledgedAt ?? _clock.GetCurrentInstant();
        if (await _store.ItemCountAsync(incident.CaseNumber, cancellationToken).ConfigureAwait(false) > 0)
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
        await _store.ReleaseCodesAsync(incident.CaseNumber, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team paging for <paramref name="customer"/>, or null.</summary>
    public static TeamConfig? TeamOf(StandbyOpsConfig config, string customer)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Customers.TryGetValue(customer, out var c) && c.Team is { } teamId && config.Teams.TryGetValue(teamId, out var team) ? team : null;
    }

    /// <summary>Whom step <paramref name="index"/> of an escalation pages now, when its next step is due and when to send; null when there is no such step.</summary>
    private async Task<StepPlan?> PlanStepAsync(string mode, Instant startedAt, int index, TeamConfig team, Instant now, CancellationToken cancellationToken)
    {
        var rota = await _rotas.ForAsync(team, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> engineers;
        Instant? nextDue = null;
        var channel = PageChannel.Sms;
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
            channel = PageChannel.Of(team.Escalation[step.Index % team.Escalation.Count].Via);
            if (policy.StepAt(index + 1) is { } next)
            {
                nextDue = Later(now, startedAt + next.DueAfter);
            }
        }

        var targets = engineers.Select(e => (e, PhoneNumber.Normalize(team.Engineers[e].Phone))).ToList();
        return new StepPlan(targets, nextDue, now + (team.GroupWait > Duration.Zero ? team.GroupWait : Duration.Zero), channel);
    }

    /// <summary>With no group wait, sends at once rather than after another relay round; the send intents stay as the durable fallback.</summary>
    private async Task SendNowAsync(StepPlan plan, CancellationToken cancellationToken)
    {
        if (plan.SendAt != _clock.GetCurrentInstant())
        {
            return;
        }

        foreach (var phone in plan.Targets.Select(t => t.Phone).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await (plan.Channel == PageChannel.Voice ? _sender.CallAsync(phone, fromIntent: false, cancellationToken) : _sender.SendAsync(phone, fromIntent: false, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendDeferred(ex, PhoneNumber.Mask(phone));
            }
        }
    }

    private async Task NoteStepAsync(string caseNumber, int index, StepPlan plan, CancellationToken cancellationToken)
    {
        if (index > 0)
        {
            var who = plan.Targets.Count == 0 ? "nobody (no engineer resolved)" : string.Join(", ", plan.Targets.Select(t => t.Engineer));
            var how = plan.Channel == PageChannel.Voice ? " by phone call" : string.Empty;
            await _notes.NoteAsync(caseNumber, "escalated", $"Escalated (step {index + 1}) to {who}{how}", cancellationToken).ConfigureAwait(false);
        }
        else if (plan.Targets.Count == 0)
        {
            await _notes.NoteAsync(caseNumber, "not-paged", "Not paged: no engineer resolved for the first step", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task NotPagedAsync(string escalationId, string caseNumber, Instant now, string why, CancellationToken cancellationToken)
    {
        if (await _store.RecordNotPagedAsync(escalationId, caseNumber, now, cancellationToken).ConfigureAwait(false))
        {
            await _notes.NoteAsync(caseNumber, "not-paged", why, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Paging for {CaseNumber} started ({Mode}, team {Team})")]
    private partial void LogStarted(string caseNumber, string mode, string team);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page to {Phone} not sent yet; its send intent retries it")]
    private partial void LogSendDeferred(Exception exception, string phone);
}
