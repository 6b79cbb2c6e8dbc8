using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// The all-clear (<c>allClear: true</c> on a team): when a ticket resolves, each engineer a text or call reached about it
/// gets one SMS saying so. Each is a row and an intent written in one transaction, sent once by the relay, retried after
/// a transient failure and noted on the timeline with the provider's id.
/// </summary>
public sealed partial class AllClearSender(
    PagingStore store,
    IClock clock,
    IncidentDesk desk,
    Func<StandbyOpsConfig> config,
    ISmsSender sender,
    PagingNotes notes,
    PagingOptions options,
    ILogger<AllClearSender> logger)
{
    /// <summary>Records the all-clears of a resolved <paramref name="incident"/> when its team wants them (once per resolution).</summary>
    public async Task QueueAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.ResolvedAt is not { } resolvedAt || EscalationRunner.TeamOf(config(), incident.Customer) is not { AllClear: true })
        {
            return;
        }

        if ((await store.AddAllClearsAsync(incident.CaseNumber, resolvedAt, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            options.Wake();
        }
    }

    /// <summary>Sends all-clear <paramref name="id"/> unless it was sent or refused already; throws on a transient failure so its intent retries.</summary>
    public async Task SendAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (await store.AllClearAsync(id, cancellationToken).ConfigureAwait(false) is not { Status: DeliveryStatus.Pending, ProviderId: null } allClear)
        {
            return;
        }

        var optedOut = await store.OptOutAsync(allClear.Phone, cancellationToken).ConfigureAwait(false);
        var outcome = optedOut is not null
            ? new SmsPermanentFailure(PageSender.OptedOutErrorCode, $"the phone replied {optedOut} and gets no SMS until it replies START")
            : await sender.SendAsync(new OutgoingSms(allClear.Phone, await TextAsync(allClear.CaseNumber, cancellationToken).ConfigureAwait(false), null, id), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case SmsAccepted accepted:
                await store.MarkAllClearAsync(id, accepted.Status, accepted.ProviderId, null, cancellationToken).ConfigureAwait(false);
                await notes.NoteAsync(allClear.CaseNumber, "all-clear", $"All-clear SMS to {allClear.Engineer} ({accepted.ProviderId})", cancellationToken).ConfigureAwait(false);
                break;
            case SmsPermanentFailure permanent:
                await store.MarkAllClearAsync(id, DeliveryStatus.Failed, null, permanent.Reason, cancellationToken).ConfigureAwait(false);
                await notes.NoteAsync(allClear.CaseNumber, "all-clear-failed", $"All-clear SMS to {allClear.Engineer} failed: {permanent.Reason}", cancellationToken).ConfigureAwait(false);
                break;
            case SmsTransientFailure transient:
                LogDeferred(logger, PhoneNumber.Mask(allClear.Phone), transient.Reason);
                throw new InvalidOperationException($"All-clear SMS to {PhoneNumber.Mask(allClear.Phone)} not sent yet: {transient.Reason}");
        }
    }

    /// <summary>The all-clear text: the case, its customer and system, in one GSM-7 segment for usual names.</summary>
    public static string Text(string caseNumber, string customer, string system)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(system);
        var text = $"ALL CLEAR {caseNumber} ({customer}, {system}) is resolved. No action needed.";
        return text.Length <= OutgoingSms.MaxBodyLength ? text : $"ALL CLEAR {caseNumber} is resolved. No action needed.";
    }

    private async Task<string> TextAsync(string caseNumber, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false) is not { Incident: { } incident })
        {
            return $"ALL CLEAR {caseNumber} is resolved. No action needed.";
        }

        var customer = config().Customers.TryGetValue(incident.Customer, out var known) ? known.Name : incident.Customer;
        return Text(caseNumber, customer, incident.System);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "All-clear SMS to {Phone} not sent yet ({Reason}); its intent retries it")]
    private static partial void LogDeferred(ILogger logger, string phone, string reason);
}
