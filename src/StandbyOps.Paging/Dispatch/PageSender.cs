using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Sms;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Twilio;
using StandbyOps.Paging.Voice;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Composes and sends pages: what waits for one phone goes out as one SMS (or, for <c>via: voice</c> steps, one call),
/// after any page a crash or a transient failure left unanswered, texts within the phone's send budget. A permanent
/// failure moves the escalations it carried to their next step at once.
/// </summary>
/// <remarks>
/// No lock is held across the provider call. One sender at a time owns a phone (a flag taken and dropped under a
/// short in-memory lock); a caller that finds the phone owned leaves its items to the owner, which loops until
/// nothing waits, so per-phone order and grouping hold and no caller waits on the network. Across nodes the owner
/// also claims the phone's row in the store (<see cref="PagingStore.ClaimPhoneAsync"/>) for the whole loop; a caller on
/// another node that finds it claimed schedules a send intent for the phone a second later instead, so two nodes never
/// deliver the same unanswered page and nothing waiting is left behind. The owner's intent stays
/// pending until the loop ends, so a crash loses nothing: the restart re-drives it and re-sends an unanswered page
/// (at worst one SMS repeats). An owner that is no intent (the escalation sending at once) leaves nothing pending
/// behind it, so an intent that finds the phone owned by one schedules a send intent a second later before it is
/// marked done: a crash of that owner mid-send is then re-driven too.
/// </remarks>
public sealed partial class PageSender
{
    /// <summary>Twilio's code for a recipient that opted out by replying STOP; recorded for pages not tried for that reason.</summary>
    public const int OptedOutErrorCode = 21610;

    private static readonly Duration BusyRetry = Duration.FromSeconds(1);

    private readonly PagingStore _store;
    private readonly IClock _clock;
    private readonly IncidentDesk _desk;
    private readonly Func<StandbyOpsConfig> _config;
    private readonly ISmsSender _sender;
    private readonly ICallSender _calls;
    private readonly PagingNotes _notes;
    private readonly PagingOptions _options;
    private readonly PagingMetrics _metrics;
    private readonly ILogger<PageSender> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Owner> _owned = new(StringComparer.Ordinal);

    /// <summary>Creates the sender; <paramref name="config"/> is asked at each use so reloads are followed.</summary>
    public PageSender(
        PagingStore store,
        IClock clock,
        IncidentDesk desk,
        Func<StandbyOpsConfig> config,
        ISmsSender sender,
        ICallSender calls,
        PagingNotes notes,
        PagingOptions options,
        PagingMetrics metrics,
        ILogger<PageSender> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _desk = desk ?? throw new ArgumentNullException(nameof(desk));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _calls = calls ?? throw new ArgumentNullException(nameof(calls));
        _notes = notes ?? throw new ArgumentNullException(nameof(notes));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Sends what waits for <paramref name="phone"/>. Returns at once when another call owns the phone: that call sends
    /// these items too (<paramref name="fromIntent"/>: the caller is a send intent, which leaves a send intent a second
    /// later when that owner is no intent). Throws when a send failed transiently (the page stays, and the caller's
    /// intent is retried).
    /// </summary>
    public Task SendAsync(string phone, bool fromIntent, CancellationToken cancellationToken = default) => RunAsync(PageChannel.Sms, phone, fromIntent, cancellationToken);

    /// <summary>Calls <paramref name="phone"/> about the voice items waiting for it, as <see cref="SendAsync"/> texts (same ownership and retry rules).</summary>
    public Task CallAsync(string phone, bool fromIntent, CancellationToken cancellationToken = default) => RunAsync(PageChannel.Voice, phone, fromIntent, cancellationToken);

    private async Task RunAsync(string channel, string phone, bool fromIntent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var key = channel + ":" + phone;
        Owner? owner;
        lock (_lock)
        {
            if (_owned.TryGetValue(key, out owner))
            {
                // Owned: tell the owner to look again before it lets go.
                owner.LookAgain = true;
                if (!fromIntent || owner.FromIntent)
                {
                    return;
                }
            }
            else
            {
                _owned[key] = new Owner(fromIntent);
                owner = null;
            }
        }

        if (owner is not null)
        {
            // Owned by a call whose crash nothing would re-drive: keep a send intent behind this one, which is marked done next.
            var at = _clock.GetCurrentInstant();
            await _store.AddSendAsync(channel, phone, at, at + BusyRetry, cancellationToken).ConfigureAwait(false);
            return;
        }

        var released = false;
        try
        {
            if (!await _store.ClaimPhoneAsync(phone, async () => released = await SendOwnedAsync(channel, phone, key, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
            {
                // Another node sends to this phone now: what waits here (this caller's items and any left to it) goes a moment later.
                var now = _clock.GetCurrentInstant();
                await _store.AddSendAsync(channel, phone, now, now + BusyRetry, cancellationToken).ConfigureAwait(false);
                LogBusy(PhoneNumber.Mask(phone));
                lock (_lock)
                {
                    _owned.Remove(key);
                }

                released = true;
            }
        }
        catch when (!released)
        {
            lock (_lock)
            {
                _owned.Remove(key);
            }

            throw;
        }
    }

    /// <summary>Sends until nothing of <paramref name="channel"/> waits for <paramref name="phone"/>, then lets go of it (atomically with the last look); true once let go.</summary>
    private async Task<bool> SendOwnedAsync(string channel, string phone, string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            await SendOnceAsync(channel, phone, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                var owner = _owned[key];
                if (!owner.LookAgain)
                {
                    _owned.Remove(key);
                    return true;
                }

                owner.LookAgain = false;
            }
        }
    }

    private async Task SendOnceAsync(string channel, string phone, CancellationToken cancellationToken)
    {
        foreach (var unanswered in await _store.UnansweredPagesAsync(phone, channel, cancellationToken).ConfigureAwait(false))
        {
            await DeliverAsync(unanswered, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.GetCurrentInstant();
        if (channel == PageChannel.Voice)
        {
            await CreateAndDeliverAsync(channel, phone, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var sentTimes = await _store.SentTimesAsync(phone, now - _options.Budget.Window, cancellationToken).ConfigureAwait(false);
        var allowed = _options.Budget.NextAllowed(sentTimes, now);
        if (allowed > now)
        {
            // Over the per-phone limit: wait, and whatever waits by then goes out together.
            await _store.AddSendAsync(phone, now, allowed, cancellationToken).ConfigureAwait(false);
            return;
        }

        await CreateAndDeliverAsync(channel, phone, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateAndDeliverAsync(string channel, string phone, Instant now, CancellationToken cancellationToken)
    {
        var waiting = await _store.WaitingItemsAsync(phone, channel, cancellationToken).ConfigureAwait(false);
        if (waiting.Count == 0)
        {
            return;
        }

        var incidents = new Dictionary<string, Incident>(StringComparer.Ordinal);
        foreach (var caseNumber in waiting.Select(p => p.CaseNumber).Distinct(StringComparer.Ordinal))
        {
            if (await _desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) is { Incident: { State: IncidentState.Open } incident })
            {
                incidents[caseNumber] = incident;
            }
        }

        // Items of incidents acknowledged or resolved meanwhile are settled without an SMS.
        var live = waiting.Where(p => incidents.ContainsKey(p.CaseNumber)).ToList();
        var settled = waiting.Where(p => !incidents.ContainsKey(p.CaseNumber)).ToList();
        var config = _config();
        Func<IReadOnlyList<(string CaseNumber, int Code)>, string> compose = channel == PageChannel.Voice
            ? codes => ComposeCall(config, incidents, [.. codes.Select(c => c.CaseNumber)])
            : codes => Compose(config, incidents, codes);
        var page = await _store.CreatePageAsync(phone, channel, live, settled, compose, now, cancellationToken).ConfigureAwait(false);
        if (page is not null)
        {
            await DeliverAsync(page, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The SMS body for the incidents <paramref name="codes"/> names, each with its reply code.</summary>
    public static string Compose(StandbyOpsConfig config, IReadOnlyDictionary<string, Incident> incidents, IReadOnlyList<(string CaseNumber, int Code)> codes)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(codes);
        var paged = codes.Select(c =>
        {
            var incident = incidents[c.CaseNumber];
            var customerName = config.Customers.TryGetValue(incident.Customer, out var customer) ? customer.Name : incident.Customer;
            return new PagedIncident(c.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), c.CaseNumber, incident.Priority.ToText(), customerName, incident.System, incident.Title);
        }).ToList();
        return SmsComposer.Compose(paged);
    }

    /// <summary>What a call about the incidents <paramref name="caseNumbers"/> says (<see cref="VoiceScript"/>).</summary>
    public static string ComposeCall(StandbyOpsConfig config, IReadOnlyDictionary<string, Incident> incidents, IReadOnlyList<string> caseNumbers)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(caseNumbers);
        return VoiceScript.Compose([.. caseNumbers.Select(caseNumber =>
        {
            var incident = incidents[caseNumber];
            var customerName = config.Customers.TryGetValue(incident.Customer, out var customer) ? customer.Name : incident.Customer;
            return new CalledIncident(caseNumber, incident.Priority.ToText(), customerName, incident.System, incident.Title);
        })]);
    }

    /// <summary>The public URL of a Twilio webhook route (<paramref name="path"/> from the root) about page <paramref name="pageId"/>.</summary>
    public static string WebhookUrl(StandbyOpsConfig config, string path, string pageId)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Server.PublicUrl.AbsoluteUri.TrimEnd('/') + path + "?page=" + Uri.EscapeDataString(pageId);
    }

    private async Task DeliverAsync(PageRow page, CancellationToken cancellationToken)
    {
        var config = _config();
        var voice = page.Channel == PageChannel.Voice;
        SmsSendOutcome outcome;
        if (voice)
        {
            // Calls ignore SMS opt-outs: STOP is a carrier rule for texts.
            var call = new OutgoingCall(page.Phone, WebhookUrl(config, TwilioRoutes.VoiceTwiml, page.Id), WebhookUrl(config, TwilioRoutes.Status, page.Id), page.Id);
            outcome = await _calls.CallAsync(call, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var callback = config.Sms.Provider == SmsProvider.Twilio ? WebhookUrl(config, TwilioRoutes.Status, page.Id) : null;
            var optedOut = await _store.OptOutAsync(page.Phone, cancellationToken).ConfigureAwait(false);
            outcome = optedOut is not null
                ? new SmsPermanentFailure(OptedOutErrorCode, $"the phone replied {optedOut} and gets no SMS until it replies START")
                : await _sender.SendAsync(new OutgoingSms(page.Phone, page.Body, callback, page.Id), cancellationToken).ConfigureAwait(false);
        }

        var what = voice ? "Call" : "Page";
        switch (outcome)
        {
            case SmsAccepted accepted:
                await _store.MarkAcceptedAsync(page.Id, accepted.ProviderId, accepted.Status, cancellationToken).ConfigureAwait(false);
                _metrics.Sent();
                await _notes.NotePageAsync(page.Id, voice ? "called" : "paged", $"{(voice ? "Called" : "Paged")} {page.Engineer} ({accepted.ProviderId})", cancellationToken).ConfigureAwait(false);
                break;
            case SmsPermanentFailure permanent:
                await _store.MarkFailedAsync(page.Id, permanent.Reason, cancellationToken).ConfigureAwait(false);
                _metrics.Failed(PagingMetrics.Rejected);
                await _notes.NotePageAsync(page.Id, "page-failed", $"{what} to {page.Engineer} failed: {permanent.Reason}", cancellationToken).ConfigureAwait(false);
                await _store.EscalateNowAsync(page.Id, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                _options.Wake();
                break;
            case SmsTransientFailure transient:
                // The page stays pending and unanswered; the relay re-drives this intent and the page is sent again.
                LogDeferred(PhoneNumber.Mask(page.Phone), transient.Reason);
                throw new InvalidOperationException($"{(voice ? "Call" : "SMS")} to {PhoneNumber.Mask(page.Phone)} not sent yet: {transient.Reason}");
        }
    }

    /// <summary>The call that owns a phone: whether it is a send intent, and whether another call asked it to look again.</summary>
    private sealed class Owner(bool fromIntent)
    {
        public bool FromIntent { get; } = fromIntent;

        public bool LookAgain { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another node is sending to {Phone}; this node looks again in a second")]
    private partial void LogBusy(string phone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page to {Phone} not sent yet ({Reason}); its send intent retries it")]
    private partial void LogDeferred(string phone, string reason);
}
