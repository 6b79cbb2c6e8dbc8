using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Core.Incidents;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Closing;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Signals;
using StandbyOps.Incidents.Sla;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Sequences;

namespace StandbyOps.Incidents.Desk;

/// <summary>
/// The incident desk (DOMAIN.md "Incidents"): turns failure and recovery signals into incidents — one non-closed
/// incident per dedup key, case numbers from a durable per-year sequence, SLA deadlines fixed at opening — and
/// carries out acknowledge, resolve, close and notes. Each call is one <c>BEGIN IMMEDIATE</c> write transaction,
/// so calls for the same dedup key are serialized and everything is durable before the call returns (an opening or
/// reopening writes its <see cref="IncidentIntents.PagingStart"/> intent in that transaction); observers
/// and metrics hear about a change only after its commit. Desk actions are idempotent: repeating one changes
/// nothing and adds no timeline entry. Instants are kept to the millisecond, as the store keeps them.
/// </summary>
public sealed class IncidentDesk
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Titles longer than this are cut.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>The longest dedup key, customer or system id accepted.</summary>
    public const int MaxKeyLength = 500;

    /// <summary>Acting exactly at a deadline is in time, so a deadline check is due the next instant the store can hold.</summary>
    private static readonly Duration JustAfter = Duration.FromMilliseconds(1);

    private static readonly Actor AutoCloser = Actor.OfSystem("autoclose");
    private static readonly Actor SlaTimer = Actor.OfSystem("sla");

    private readonly IDatabase _database;
    private readonly IClock _clock;
    private readonly IncidentSlaPolicy _sla;
    private readonly IIncidentPagesSource _pages;
    private readonly IncidentDeskOptions _options;
    private readonly IncidentAnnouncer _announcer;
    private readonly IEnumerable<IIncidentTransactionObserver> _inTransaction;

    /// <param name="observers">Enumerated at each change (not at construction), so observers may themselves depend on the desk.</param>
    /// <param name="inTransaction">Called inside each change's write transaction (enumerated at each change); none when null.</param>
    public IncidentDesk(
        IDatabase database,
        IClock clock,
        IncidentSlaPolicy sla,
        IncidentMetrics metrics,
        IIncidentPagesSource pages,
        IEnumerable<IIncidentObserver> observers,
        IncidentDeskOptions options,
        ILogger<IncidentDesk> logger,
        IEnumerable<IIncidentTransactionObserver>? inTransaction = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _sla = sla ?? throw new ArgumentNullException(nameof(sla));
        _pages = pages ?? throw new ArgumentNullException(nameof(pages));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(logger);
        _announcer = new IncidentAnnouncer(database, metrics, observers, logger);
        _inTransaction = inTransaction ?? [];
        if (_options.AutoCloseAfter <= Duration.Zero || _options.RepeatCollapseWindow < Duration.Zero)
        {
            throw new ArgumentException("The auto-close period must be positive and the repeat window not negative.", nameof(options));
        }
    }

    /// <summary>
    /// A failure: opens an incident when none is open for the dedup key, reopens a resolved one, or counts a repeat
    /// on an open/acknowledged one (repeats within <see cref="IncidentDeskOptions.RepeatCollapseWindow"/> share one
    /// timeline entry). The incident opens at <see cref="FailureSignal.At"/>, which also gives its case-number year.
    /// </summary>
    public async Task<IncidentChange> HandleFailureAsync(FailureSignal signal, CancellationToken cancellationToken = default)
    {
        Validate(signal);
        var at = Millis(signal.At);
        var committed = await WriteChangeAsync(async (c, t) =>
        {
            var current = await IncidentRows.FindNotClosedAsync(c, t, signal.DedupKey).ConfigureAwait(false);
            return current switch
            {
                null => await OpenAsync(c, t, signal, at, cancellationToken).ConfigureAwait(false),
                { State: IncidentState.Resolved } => await ReopenAsync(c, t, current, signal, at, cancellationToken).ConfigureAwait(false),
                _ => await RepeatAsync(c, t, current, signal, at).ConfigureAwait(false),
            };
        }, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(committed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A recovery: resolves the open incident of the dedup key unless it was raised with <c>AutoResolve: false</c>
    /// (then the recovery is only noted). Nothing open for the key: <see cref="IncidentChangeKind.NotFound"/>.
    /// </summary>
    public async Task<IncidentChange> HandleRecoveryAsync(RecoverySignal signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        RequireKey(signal.DedupKey, nameof(signal));
        var at = Millis(signal.At);
        var committed = await WriteChangeAsync(async (c, t) =>
        {
            var current = await IncidentRows.FindNotClosedAsync(c, t, signal.DedupKey).ConfigureAwait(false);
            if (current is null)
            {
                return new Committed(IncidentChange.NotFound);
            }

            var reason = string.IsNullOrWhiteSpace(signal.Reason) ? "recovered" : signal.Reason.Trim();
            if (!current.IsUnresolved)
            {
                return Unchanged(current);
            }

            if (!current.AutoResolve)
            {
                var last = await IncidentTimeline.LastAsync(c, t, current.CaseNumber).ConfigureAwait(false);
                if (last?.Entry.Kind == TimelineKinds.Recovered)
                {
                    return Unchanged(current);
                }

                await IncidentTimeline.AppendAsync(c, t, current.CaseNumber, new TimelineEntry(
                    at, Actor.OfSystem(signal.Source.ToText()), TimelineKinds.Recovered, $"Recovered: {reason}. Stays open: auto-resolve is off.")).ConfigureAwait(false);
                return new Committed(new IncidentChange(IncidentChangeKind.Recovered, current));
            }

            var resolved = await ResolveInAsync(c, t, current, at, Actor.OfSystem(signal.Source.ToText()), $"Resolved automatically: {reason}").ConfigureAwait(false);
            return new Committed(new IncidentChange(IncidentChangeKind.Resolved, resolved));
        }, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(committed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Acknowledges an open incident; the first acknowledgement is the SLA response. <paramref name="via"/> is <see cref="Via"/>.</summary>
    public Task<IncidentChange> AcknowledgeAsync(string caseNumber, Actor who, string via, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var channel = Via.Require(via);
        return ActAsync(caseNumber, async (c, t, incident, now) =>
        {
            if (incident.State != IncidentState.Open)
            {
                return Unchanged(incident);
            }

            var acknowledged = incident with
            {
                State = IncidentState.Acknowledged,
                AcknowledgedAt = now,
                AcknowledgedBy = who,
                RespondedAt = incident.RespondedAt ?? now,
            };
            await IncidentRows.UpdateAsync(c, t, acknowledged).ConfigureAwait(false);
            await IncidentTimeline.AppendAsync(c, t, incident.CaseNumber, new TimelineEntry(
                now, who, TimelineKinds.Acknowledged, $"Acknowledged by {who.Name} via {channel}")).ConfigureAwait(false);
            return new Committed(new IncidentChange(IncidentChangeKind.Acknowledged, acknowledged));
        }, cancellationToken);
    }

    /// <summary>Resolves an open or acknowledged incident; it closes itself after <see cref="IncidentDeskOptions.AutoCloseAfter"/> unless it fails again.</summary>
    public Task<IncidentChange> ResolveAsync(string caseNumber, Actor who, string via, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var channel = Via.Require(via);
        return ActAsync(caseNumber, async (c, t, incident, now) =>
        {
            if (!incident.IsUnresolved)
            {
                return Unchanged(incident);
            }

            var resolved = await ResolveInAsync(c, t, incident, now, who, $"Resolved by {who.Name} via {channel}").ConfigureAwait(false);
            return new Committed(new IncidentChange(IncidentChangeKind.Resolved, resolved));
        }, cancellationToken);
    }

    /// <summary>Closes an incident (a desk action); an unresolved one is resolved and closed in one step.</summary>
    public Task<IncidentChange> CloseAsync(string caseNumber, Actor who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        return ActAsync(caseNumber, (c, t, incident, now) => CloseInAsync(c, t, incident, now, who, $"Closed by {who.Name}"), cancellationToken);
    }

    /// <summary>
    /// Adds an internal note (1 to <see cref="MaxNoteLength"/> characters), also on closed incidents. The same note by the
    /// same actor right after itself is a retry and is not added twice.
    /// </summary>
    public Task<IncidentChange> AddNoteAsync(string caseNumber, Actor who, string text, CancellationToken cancellationToken = default) =>
        AddNoteAsync(caseNumber, who, text, isPublic: false, cancellationToken);

    /// <summary>
    /// Adds a note as <see cref="AddNoteAsync(string, Actor, string, CancellationToken)"/> does; a public one
    /// (<see cref="TimelineKinds.PublicNote"/>) is shown to the customer and mailed to its contacts.
    /// </summary>
    public Task<IncidentChange> AddNoteAsync(string caseNumber, Actor who, string text, bool isPublic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var note = text?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"A note needs 1 to {MaxNoteLength} characters.", nameof(text));
        }

        return ActAsync(caseNumber, async (c, t, incident, now) =>
        {
            var kind = isPublic ? TimelineKinds.PublicNote : TimelineKinds.Note;
            var last = await IncidentTimeline.LastAsync(c, t, incident.CaseNumber).ConfigureAwait(false);
            if (last is { Entry: { } entry } && entry.Kind == kind && entry.Actor == who && entry.Text == note)
            {
                return Unchanged(incident);
            }

            var added = new TimelineEntry(now, who, kind, note);
            await IncidentTimeline.AppendAsync(c, t, incident.CaseNumber, added).ConfigureAwait(false);
            return new Committed(new IncidentChange(IncidentChangeKind.NoteAdded, incident), Entry: added);
        }, cancellationToken);
    }

    /// <summary>Appends another stage's timeline entry (paged, delivered, escalated…) in a transaction of its own.</summary>
    public async Task<IncidentChange> RecordAsync(string caseNumber, TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with { At = Millis(entry.At) };
        var committed = await _database.WriteAsync(async (c, t) =>
        {
            var incident = await IncidentRows.GetAsync(c, t, caseNumber).ConfigureAwait(false);
            if (incident is null)
            {
                return new Committed(IncidentChange.NotFound);
            }

            await IncidentTimeline.AppendAsync(c, t, caseNumber, stored).ConfigureAwait(false);
            return new Committed(new IncidentChange(IncidentChangeKind.Recorded, incident));
        }, cancellationToken).ConfigureAwait(false);
        return committed.Change;
    }

    /// <summary>One incident with its timeline and pages, or null when the case number is unknown.</summary>
    public async Task<IncidentDetail?> GetAsync(string caseNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        var found = await _database.ReadAsync(async c =>
        {
            var incident = await IncidentRows.GetAsync(c, null, caseNumber).ConfigureAwait(false);
            return incident is null ? null : new { Incident = incident, Timeline = await IncidentTimeline.ReadAsync(c, caseNumber).ConfigureAwait(false) };
        }, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var pages = await _pages.PagesForAsync(caseNumber, cancellationToken).ConfigureAwait(false);
        return new IncidentDetail(found.Incident, found.Timeline, pages);
    }

    /// <summary>The incidents matching <paramref name="filter"/>, by priority and then opening instant (the desk's queue order).</summary>
    public Task<IReadOnlyList<Incident>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _database.ReadAsync(c => IncidentRows.ListAsync(c, filter), cancellationToken);
    }

    /// <summary>At most <paramref name="limit"/> incidents matching <paramref name="filter"/> in queue order, continuing after <paramref name="after"/>.</summary>
    public Task<IncidentQueuePage> ListPageAsync(IncidentFilter filter, IncidentCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.ReadAsync(c => IncidentRows.ListPageAsync(c, filter, after, limit), cancellationToken);
    }

    /// <summary>
    /// The dedup keys of <paramref name="system"/>'s unresolved incidents, so a (re)started monitor still sends the
    /// recovery for a failure it signalled earlier; reads that system's keys only, not every open incident.
    /// </summary>
    public Task<IReadOnlySet<string>> UnresolvedKeysAsync(string system, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        return _database.ReadAsync(c => IncidentRows.UnresolvedKeysAsync(c, system), cancellationToken);
    }

    /// <summary>Recounts the unresolved incidents for the <c>standbyops_incidents_open</c> gauge (at start and after each change).</summary>
    public Task RefreshOpenGaugeAsync(CancellationToken cancellationToken = default) => _announcer.RefreshOpenGaugeAsync(cancellationToken);

    /// <summary>
    /// Runs when an SLA deadline intent is due: records a breach (flag, timeline entry, counter) unless the incident
    /// responded (response) or is resolved (resolution) by the deadline. Re-schedules itself if run early.
    /// </summary>
    internal async Task<IncidentChange> CheckDeadlineAsync(string caseNumber, SlaKind kind, CancellationToken cancellationToken)
    {
        var now = Millis(_clock.GetCurrentInstant());
        var committed = await WriteChangeAsync(async (c, t) =>
        {
            var incident = await IncidentRows.GetAsync(c, t, caseNumber).ConfigureAwait(false);
            var due = kind == SlaKind.Response ? incident?.ResponseDueAt : incident?.ResolutionDueAt;

            if (incident is null)
            {
                return new Committed(IncidentChange.NotFound);
            }

            if (due is not { } deadline)
            {
                return Unchanged(incident);
            }

            var breachedAlready = kind == SlaKind.Response ? incident.ResponseBreached : incident.ResolutionBreached;
            var doneAt = kind == SlaKind.Response ? incident.RespondedAt : incident.ResolvedAt;
            if (breachedAlready || doneAt <= deadline)
            {
                return Unchanged(incident);
            }

            if (now <= deadline)
            {
                await IntentStore.AddAsync(c, t, IntentKind(kind), new SlaIntentPayload(caseNumber).ToJson(), now, deadline + JustAfter).ConfigureAwait(false);
                return Unchanged(incident);
            }

            var breached = kind == SlaKind.Response ? incident with { ResponseBreached = true } : incident with { ResolutionBreached = true };
            await IncidentRows.UpdateAsync(c, t, breached).ConfigureAwait(false);
            await IncidentTimeline.AppendAsync(c, t, caseNumber, new TimelineEntry(
                now, SlaTimer, TimelineKinds.SlaBreached, $"SLA breached: {kind.ToString().ToLowerInvariant()} due {Iso(deadline)}")).ConfigureAwait(false);
            return new Committed(new IncidentChange(IncidentChangeKind.SlaBreached, breached), Breach: kind);
        }, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(committed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs when a pre-breach warning is due: records an <see cref="TimelineKinds.SlaWarning"/> entry (and tells the
    /// in-transaction observers, which notify the desk's paged engineers) unless the deadline was met, breached or passed.
    /// </summary>
    internal async Task<IncidentChange> WarnDeadlineAsync(string caseNumber, SlaKind kind, CancellationToken cancellationToken)
    {
        var now = Millis(_clock.GetCurrentInstant());
        var committed = await WriteChangeAsync(async (c, t) =>
        {
            var incident = await IncidentRows.GetAsync(c, t, caseNumber).ConfigureAwait(false);
            if (incident is null)
            {
                return new Committed(IncidentChange.NotFound);
            }

            var response = kind == SlaKind.Response;
            var due = response ? incident.ResponseDueAt : incident.ResolutionDueAt;
            var settled = response ? incident.RespondedAt is not null || incident.ResponseBreached : !incident.IsUnresolved || incident.ResolutionBreached;
            if (due is not { } deadline || settled || now > deadline)
            {
                return Unchanged(incident);
            }

            var text = string.Create(CultureInfo.InvariantCulture, $"SLA warning: {kind.ToString().ToLowerInvariant()} due {Iso(deadline)}, in {Math.Ceiling((deadline - now).TotalMinutes):0} min");
            var last = await IncidentTimeline.LastAsync(c, t, caseNumber).ConfigureAwait(false);
            if (last is { Entry: { Kind: TimelineKinds.SlaWarning } previous } && previous.Text.StartsWith(text[..text.LastIndexOf(',')], StringComparison.Ordinal))
            {
                return Unchanged(incident);
            }

            await IncidentTimeline.AppendAsync(c, t, caseNumber, new TimelineEntry(now, SlaTimer, TimelineKinds.SlaWarning, text)).ConfigureAwait(false);
            return new Committed(new IncidentChange(IncidentChangeKind.SlaWarning, incident), Warning: kind);
        }, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(committed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs when an auto-close intent is due: closes the incident if it is still in the resolution the intent was written for.</summary>
    internal async Task<IncidentChange> AutoCloseAsync(string caseNumber, Instant resolvedAt, CancellationToken cancellationToken)
    {
        var now = Millis(_clock.GetCurrentInstant());
        var committed = await WriteChangeAsync(async (c, t) =>
        {
            var incident = await IncidentRows.GetAsync(c, t, caseNumber).ConfigureAwait(false);
            if (incident is null)
            {
                return new Committed(IncidentChange.NotFound);
            }

            if (incident.State != IncidentState.Resolved || incident.ResolvedAt != resolvedAt)
            {
                return Unchanged(incident);
            }

            var quiet = string.Create(CultureInfo.InvariantCulture, $"{_options.AutoCloseAfter.TotalHours:0.##} h");
            return await CloseInAsync(c, t, incident, now, AutoCloser, $"Closed automatically: no new failure for {quiet} after resolving").ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(committed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Committed> OpenAsync(DbConnection c, DbTransaction t, FailureSignal signal, Instant at, CancellationToken cancellationToken)
    {
        var year = CaseNumbers.YearOf(at);
        var caseNumber = CaseNumbers.Format(year, await SequenceStore.NextAsync(c, t, CaseNumbers.SequenceName(year)).ConfigureAwait(false));
        var deadlines = await _sla.DeadlinesAsync(signal.Customer, signal.Priority, at, cancellationToken).ConfigureAwait(false);
        var title = Cut(signal.Title.Trim(), MaxTitleLength);
        var incident = new Incident(
            caseNumber, IncidentState.Open, signal.Priority, signal.Customer, signal.System, signal.Source, signal.DedupKey, title,
            OpenedAt: at, AcknowledgedAt: null, AcknowledgedBy: null, ResolvedAt: null, ResolvedBy: null, ClosedAt: null, RespondedAt: null,
            ResponseDueAt: MillisOrNull(deadlines.ResponseDueAt), ResolutionDueAt: MillisOrNull(deadlines.ResolutionDueAt),
            ResponseBreached: false, ResolutionBreached: false, FailureCount: 1, LastFailureAt: at, AutoResolve: signal.AutoResolve);
        await IncidentRows.InsertAsync(c, t, incident).ConfigureAwait(false);
        await IncidentTimeline.AppendAsync(c, t, caseNumber, new TimelineEntry(
            at, signal.OpenedBy ?? Actor.OfSystem(signal.Source.ToText()), TimelineKinds.Opened,
            $"Opened {signal.Priority.ToText()} from {signal.Source.ToText()}: {title}{ReasonSuffix(signal)}")).ConfigureAwait(false);
        var payload = new SlaIntentPayload(caseNumber).ToJson();
        if (incident.ResponseDueAt is { } responseDue)
        {
            await IntentStore.AddAsync(c, t, IncidentIntents.SlaResponse, payload, at, responseDue + JustAfter).ConfigureAwait(false);
        }

        if (incident.ResolutionDueAt is { } resolutionDue)
        {
            await IntentStore.AddAsync(c, t, IncidentIntents.SlaResolution, payload, at, resolutionDue + JustAfter).ConfigureAwait(false);
        }

        await WarnAheadAsync(c, t, incident, at, response: true).ConfigureAwait(false);
        await IntentStore.AddAsync(c, t, IncidentIntents.PagingStart, caseNumber, at, at).ConfigureAwait(false);
        await AnnounceAtOpeningAsync(c, t, incident, at, cancellationToken).ConfigureAwait(false);
        return new Committed(new IncidentChange(IncidentChangeKind.Opened, incident));
    }

    /// <summary>
    /// The deadlines stay those fixed at opening: the response is measured on the first acknowledgement ever, and a
    /// reopened incident was not really resolved, so its resolution deadline is checked again.
    /// </summary>
    private async Task<Committed> ReopenAsync(DbConnection c, DbTransaction t, Incident current, FailureSignal signal, Instant at, CancellationToken cancellationToken)
    {
        var reopened = current with
        {
            State = IncidentState.Open,
            AcknowledgedAt = null,
            AcknowledgedBy = null,
            ResolvedAt = null,
            ResolvedBy = null,
            FailureCount = current.FailureCount + 1,
            LastFailureAt = Later(current.LastFailureAt, at),
            AutoResolve = signal.AutoResolve,
        };
        await IncidentRows.UpdateAsync(c, t, reopened).ConfigureAwait(false);
        await IncidentTimeline.AppendAsync(c, t, current.CaseNumber, new TimelineEntry(
            at, Actor.OfSystem(signal.Source.ToText()), TimelineKinds.Reopened, $"Reopened by a new failure{ReasonSuffix(signal)}")).ConfigureAwait(false);
        if (reopened.ResolutionDueAt is { } due && !reopened.ResolutionBreached)
        {
            await IntentStore.AddAsync(c, t, IncidentIntents.SlaResolution, new SlaIntentPayload(current.CaseNumber).ToJson(), at, Later(due + JustAfter, at)).ConfigureAwait(false);
        }

        await WarnAheadAsync(c, t, reopened, at, response: false).ConfigureAwait(false);
        await IntentStore.AddAsync(c, t, IncidentIntents.PagingStart, current.CaseNumber, at, at).ConfigureAwait(false);
        await AnnounceAtOpeningAsync(c, t, reopened, at, cancellationToken).ConfigureAwait(false);
        return new Committed(new IncidentChange(IncidentChangeKind.Reopened, reopened));
    }

    /// <summary>
    /// Schedules the pre-breach warnings (DOMAIN.md "Deadlines"): due <c>sla.warnBefore</c> ahead of each deadline still
    /// ahead. A deadline nearer than the lead time already at opening gets no warning (it would only repeat the opening).
    /// </summary>
    private async Task WarnAheadAsync(DbConnection c, DbTransaction t, Incident incident, Instant at, bool response)
    {
        if (_sla.ContractOf(incident.Customer)?.WarnBefore is not { } lead)
        {
            return;
        }

        var payload = new SlaIntentPayload(incident.CaseNumber).ToJson();
        if (response && incident.ResponseDueAt is { } responseDue && responseDue - lead > at)
        {
            await IntentStore.AddAsync(c, t, IncidentIntents.SlaResponseWarning, payload, at, responseDue - lead).ConfigureAwait(false);
        }

        if (incident.ResolutionDueAt is { } resolutionDue && !incident.ResolutionBreached && resolutionDue - lead > at)
        {
            await IntentStore.AddAsync(c, t, IncidentIntents.SlaResolutionWarning, payload, at, resolutionDue - lead).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An incident that opens outside both agreed standby and business hours pages nobody now (DOMAIN.md "Who"); so that it
    /// does not wait silently, paging announces it to the duty engineer when the customer's calendar next opens.
    /// </summary>
    private async Task AnnounceAtOpeningAsync(DbConnection c, DbTransaction t, Incident incident, Instant at, CancellationToken cancellationToken)
    {
        if (_sla.ContractOf(incident.Customer) is not { } contract || contract.Calendar.IsOpen(at)
            || await _sla.IsInsideAgreedStandbyAsync(incident.Customer, at, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await IntentStore.AddAsync(c, t, IncidentIntents.HoursOpen, incident.CaseNumber, at, contract.Calendar.NextOpening(at)).ConfigureAwait(false);
    }

    private async Task<Committed> RepeatAsync(DbConnection c, DbTransaction t, Incident current, FailureSignal signal, Instant at)
    {
        var repeated = current with
        {
            FailureCount = current.FailureCount + 1,
            LastFailureAt = Later(current.LastFailureAt, at),
            AutoResolve = signal.AutoResolve,
        };
        await IncidentRows.UpdateAsync(c, t, repeated).ConfigureAwait(false);
        var reason = string.IsNullOrWhiteSpace(signal.Reason) ? repeated.Title : signal.Reason.Trim();
        var last = await IncidentTimeline.LastAsync(c, t, current.CaseNumber).ConfigureAwait(false);
        if (last is { Entry.Kind: TimelineKinds.FailureRepeated } previous && at - previous.Entry.At < _options.RepeatCollapseWindow)
        {
            var repeats = previous.Repeats + 1;
            await IncidentTimeline.UpdateRepeatAsync(c, t, current.CaseNumber, previous.Seq, RepeatText(repeats, reason), repeats).ConfigureAwait(false);
        }
        else
        {
            await IncidentTimeline.AppendAsync(c, t, current.CaseNumber, new TimelineEntry(
                at, Actor.OfSystem(signal.Source.ToText()), TimelineKinds.FailureRepeated, RepeatText(1, reason))).ConfigureAwait(false);
        }

        return new Committed(new IncidentChange(IncidentChangeKind.Repeated, repeated));
    }

    private async Task<Incident> ResolveInAsync(DbConnection c, DbTransaction t, Incident incident, Instant now, Actor who, string text)
    {
        var resolved = incident with
        {
            State = IncidentState.Resolved,
            ResolvedAt = now,
            ResolvedBy = who,
            RespondedAt = incident.RespondedAt ?? now,
        };
        await IncidentRows.UpdateAsync(c, t, resolved).ConfigureAwait(false);
        await IncidentTimeline.AppendAsync(c, t, incident.CaseNumber, new TimelineEntry(now, who, TimelineKinds.Resolved, text)).ConfigureAwait(false);
        var payload = new AutoClosePayload(incident.CaseNumber, InstantTypeHandler.Format(now)).ToJson();
        await IntentStore.AddAsync(c, t, IncidentIntents.AutoClose, payload, now, now + _options.AutoCloseAfter).ConfigureAwait(false);
        return resolved;
    }

    private async Task<Committed> CloseInAsync(DbConnection c, DbTransaction t, Incident incident, Instant now, Actor who, string text)
    {
        if (incident.State == IncidentState.Closed)
        {
            return Unchanged(incident);
        }

        var wasUnresolved = incident.IsUnresolved;
        var resolved = wasUnresolved ? await ResolveInAsync(c, t, incident, now, who, $"Resolved by {who.Name} on closing").ConfigureAwait(false) : incident;
        var closed = resolved with { State = IncidentState.Closed, ClosedAt = now };
        await IncidentRows.UpdateAsync(c, t, closed).ConfigureAwait(false);
        await IncidentTimeline.AppendAsync(c, t, incident.CaseNumber, new TimelineEntry(now, who, TimelineKinds.Closed, text)).ConfigureAwait(false);
        return new Committed(new IncidentChange(IncidentChangeKind.Closed, closed), AlsoResolved: wasUnresolved);
    }

    private async Task<IncidentChange> ActAsync(
        string caseNumber, Func<DbConnection, DbTransaction, Incident, Instant, Task<Committed>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        var now = Millis(_clock.GetCurrentInstant());
        var committed = await WriteChangeAsync(async (c, t) =>
        {
            var incident = await IncidentRows.GetAsync(c, t, caseNumber).ConfigureAwait(false);
            return incident is null ? new Committed(IncidentChange.NotFound) : await act(c, t, incident, now).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(committed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One write transaction for a change; the in-transaction observers write what must follow it before it commits.</summary>
    private Task<Committed> WriteChangeAsync(Func<DbConnection, DbTransaction, Task<Committed>> work, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (c, t) =>
        {
            var committed = await work(c, t).ConfigureAwait(false);
            if (committed.Change is { Changed: true, Incident: { } incident })
            {
                var transition = new IncidentTransition(
                    committed.Change.Kind, incident, Millis(_clock.GetCurrentInstant()), committed.AlsoResolved, committed.Breach ?? committed.Warning, committed.Entry);
                foreach (var observer in _inTransaction)
                {
                    await observer.OnChangeAsync(c, t, transition, cancellationToken).ConfigureAwait(false);
                }
            }

            return committed;
        }, cancellationToken);

    private async Task<IncidentChange> AfterCommitAsync(Committed committed, CancellationToken cancellationToken)
    {
        await _announcer.AnnounceAsync(committed.Change, committed.AlsoResolved, committed.Breach, cancellationToken).ConfigureAwait(false);
        return committed.Change;
    }

    private static void Validate(FailureSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        RequireKey(signal.DedupKey, nameof(signal));
        RequireKey(signal.Customer, nameof(signal));
        RequireKey(signal.System, nameof(signal));
        if (string.IsNullOrWhiteSpace(signal.Title))
        {
            throw new ArgumentException("A failure signal needs a title.", nameof(signal));
        }

        if (!Enum.IsDefined(signal.Priority) || !Enum.IsDefined(signal.Source))
        {
            throw new ArgumentOutOfRangeException(nameof(signal), signal.Priority, "A failure signal needs a priority P1…P4 and a known source.");
        }
    }

    private static void RequireKey(string? value, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A signal's dedup key, customer and system must be 1 to {MaxKeyLength} characters.", paramName);
        }
    }

    private static Committed Unchanged(Incident incident) => new(new IncidentChange(IncidentChangeKind.Unchanged, incident));

    private static string IntentKind(SlaKind kind) => kind == SlaKind.Response ? IncidentIntents.SlaResponse : IncidentIntents.SlaResolution;

    private static string ReasonSuffix(FailureSignal signal) => string.IsNullOrWhiteSpace(signal.Reason) ? string.Empty : $" — {signal.Reason.Trim()}";

    private static string RepeatText(long repeats, string reason) =>
        repeats == 1 ? $"Failure repeated: {reason}" : string.Create(CultureInfo.InvariantCulture, $"Failure repeated {repeats} times: {reason}");

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Iso(Instant instant) => instant.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    /// <summary>The store keeps milliseconds; snapshots returned to callers must equal what a later read gives.</summary>
    private static Instant Millis(Instant instant) => Instant.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());

    private static Instant? MillisOrNull(Instant? instant) => instant is { } value ? Millis(value) : null;

    /// <summary>A committed change plus what only the commit path needs to know.</summary>
    private sealed record Committed(IncidentChange Change, bool AlsoResolved = false, SlaKind? Breach = null, SlaKind? Warning = null, TimelineEntry? Entry = null);
}
