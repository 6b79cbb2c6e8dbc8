using Dapper;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// Keeps customers informed by mail: on open, acknowledgement, resolution and closure (heard from the incident
/// desk after each commit) and on staff notes marked public, to the ticket's reporter and the customer's contacts
/// that asked for that notice; on open it also schedules the contract's periodic updates. Mails go to the durable
/// outbox; nothing is queued when <c>mail.smtp</c> is not configured.
/// </summary>
public sealed partial class TicketNotifier(IDatabase database, IClock clock, MailOutbox outbox, Func<StandbyOpsConfig> config, ILogger<TicketNotifier> logger)
    : IIncidentObserver
{
    public async Task OnOpenedAsync(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await NotifyAsync("opened", incident).ConfigureAwait(false);
        if (config().Customers.TryGetValue(incident.Customer, out var customer) && customer.Updates is { } updates
            && updates.Priorities.Any(p => p == incident.Priority))
        {
            var payload = new UpdatePayload(incident.CaseNumber, 1).ToJson();
            await database.WriteAsync((c, t) => IntentStore.AddAsync(c, t, MailIntents.Update, payload, clock.GetCurrentInstant(), incident.OpenedAt + updates.Every)).ConfigureAwait(false);
        }
    }

    public Task OnAcknowledgedAsync(Incident incident) => NotifyAsync("acknowledged", incident);

    public Task OnResolvedAsync(Incident incident) => NotifyAsync("resolved", incident);

    public Task OnClosedAsync(Incident incident) => NotifyAsync("closed", incident);

    /// <summary>A staff note marked public: mailed to the reporter and the contacts that want public notes.</summary>
    public Task OnPublicNoteAsync(Incident incident, string text) => NotifyAsync("public-notes", incident, text);

    /// <summary>Queues the mail for <paramref name="notice"/>; false when nobody is to get it or mail is not configured.</summary>
    public async Task<bool> NotifyAsync(string notice, Incident incident, string? text = null, int? update = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var recipients = await RecipientsAsync(notice, incident).ConfigureAwait(false);
        if (recipients.Count == 0)
        {
            return false;
        }

        await outbox.EnqueueAsync(TicketMailTemplates.Render(notice, incident, recipients, text, update)).ConfigureAwait(false);
        LogQueued(logger, notice, incident.CaseNumber, recipients.Count);
        return true;
    }

    /// <summary>The reporter (always, when the ticket has a reporter address) and the contacts that want <paramref name="notice"/>; no duplicates.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(string notice, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var current = config();
        if (current.Mail?.Smtp is null || !current.Customers.TryGetValue(incident.Customer, out var customer))
        {
            return [];
        }

        var reporter = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            "SELECT d.reporter_email FROM desk_tickets d WHERE d.dedup_key = @key", new { key = incident.DedupKey })).ConfigureAwait(false);
        var all = new List<string>();
        if (!string.IsNullOrWhiteSpace(reporter))
        {
            all.Add(reporter.Trim());
        }

        all.AddRange((customer.Contacts ?? []).Where(c => c.Wants(notice)).Select(c => c.Email));
        return all.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued the {Notice} mail of {CaseNumber} for {Recipients} recipient(s)")]
    private static partial void LogQueued(ILogger logger, string notice, string caseNumber, int recipients);
}
