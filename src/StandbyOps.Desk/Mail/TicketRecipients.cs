using System.Data.Common;
using Dapper;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Desk.Mail;

/// <summary>Who gets a customer mail: the ticket's reporter address (always) and the customer's contacts that want the notice.</summary>
public static class TicketRecipients
{
    /// <summary>
    /// The recipients of <paramref name="notice"/> about <paramref name="incident"/>, read inside the caller's transaction;
    /// none when <c>mail.smtp</c> is not configured or the customer is unknown. No duplicates (addresses compare case-insensitively).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ForAsync(DbConnection connection, DbTransaction transaction, StandbyOpsConfig config, string notice, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(incident);
        if (config.Mail?.Smtp is null || !config.Customers.TryGetValue(incident.Customer, out var customer))
        {
            return [];
        }

        var reporter = await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT reporter_email FROM desk_tickets WHERE dedup_key = @key", new { key = incident.DedupKey }, transaction).ConfigureAwait(false);
        var all = new List<string>();
        if (!string.IsNullOrWhiteSpace(reporter))
        {
            all.Add(reporter.Trim());
        }

        all.AddRange((customer.Contacts ?? []).Where(c => c.Wants(notice)).Select(c => c.Email));
        return all.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Renders and queues <paramref name="notice"/> in the caller's transaction; false when nobody is to get it.</summary>
    public static async Task<bool> QueueAsync(
        DbConnection connection, DbTransaction transaction, StandbyOpsConfig config, string notice, Incident incident, NodaTime.Instant now, string? text = null, int? update = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(incident);
        var recipients = await ForAsync(connection, transaction, config, notice, incident).ConfigureAwait(false);
        if (recipients.Count == 0)
        {
            return false;
        }

        var template = config.Mail?.Templates?.GetValueOrDefault(notice);
        var name = config.Customers.TryGetValue(incident.Customer, out var customer) ? customer.Name : null;
        await MailOutbox.EnqueueAsync(connection, transaction, TicketMailTemplates.Render(notice, incident, recipients, text, update, template, name), now).ConfigureAwait(false);
        return true;
    }
}
