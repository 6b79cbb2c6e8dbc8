using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Customers;
using StandbyOps.Core.Incidents;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk.Intake;

/// <summary>
/// Turns one mail of the support mailbox into desk work: a reply whose subject carries a case number
/// (<c>[2026-000123]</c>) from that customer's contact or the ticket's reporter goes on the ticket's timeline
/// (public, as the contact); a new mail from a known contact opens a ticket for that customer (its first system,
/// priority from the system's criticality, reporter = the sender, who gets the acknowledgement); anything else goes to the triage
/// queue, never dropped. Attachments up to <c>mail.maxAttachmentBytes</c> are kept in the store. Each mail is handled
/// once, also with several nodes reading the mailbox: it is claimed in the store while handled, its UID (per folder and
/// UIDVALIDITY) and Message-ID are recorded, and the ticket's dedup key is derived from the Message-ID.
/// </summary>
public sealed partial class MailIntakeProcessor(IDatabase database, IClock clock, TicketDesk tickets, IncidentDesk desk, Func<StandbyOpsConfig> config)
{
    /// <summary>Dedup keys of mail tickets start with this.</summary>
    public const string DedupPrefix = "mail:";

    /// <summary>The timeline kind that lists a mail's attachments, kept or not.</summary>
    public const string AttachmentKind = "attachment";

    /// <summary>The UIDs of <paramref name="folder"/> already handled under <paramref name="uidValidity"/>.</summary>
    public Task<HashSet<long>> SeenAsync(string folder, long uidValidity, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => IntakeRows.SeenUidsAsync(c, folder, uidValidity), cancellationToken);

    /// <summary>
    /// Handles one mail and records it as seen; returns the <see cref="MailOutcome"/>, or null when another node has the
    /// mail in hand (it is left alone: the next pass finds it seen, or claims it if that node died). The mail is claimed
    /// by its Message-ID (<see cref="IDatabase.ClaimAsync{T}"/>, <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL) while it
    /// is handled, and the seen-mark is written in the claim's transaction, so of several nodes reading one mailbox
    /// exactly one handles each mail; a node that dies mid-mail leaves it to the next (at most one repeat per crash).
    /// </summary>
    public async Task<string?> ProcessAsync(MimeMessage message, string folder, long uidValidity, long uid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? $"uid-{folder}-{uidValidity}-{uid}" : message.MessageId.Trim();
        // The claim row is committed first: claiming never inserts (an uncommitted insert would make other nodes wait on it).
        await database.WriteAsync((c, t) => IntakeRows.AddClaimAsync(c, t, messageId, clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
        return await database.ClaimAsync<string?>(async (c, t) =>
        {
            if (!await IntakeRows.ClaimAsync(c, t, messageId, database.RowClaim).ConfigureAwait(false))
            {
                return null;
            }

            var now = clock.GetCurrentInstant();
            var outcome = await IntakeRows.MessageSeenAsync(c, t, messageId).ConfigureAwait(false)
                ? MailOutcome.Skipped
                : await HandleAsync(message, messageId, now, cancellationToken).ConfigureAwait(false);
            if (t is null)
            {
                await database.WriteAsync((wc, wt) => IntakeRows.MarkSeenAsync(wc, wt, folder, uidValidity, uid, messageId, outcome, now), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await IntakeRows.MarkSeenAsync(c, t, folder, uidValidity, uid, messageId, outcome, now).ConfigureAwait(false);
            }

            return outcome;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> HandleAsync(MimeMessage message, string messageId, Instant now, CancellationToken cancellationToken)
    {
        var sender = message.From.Mailboxes.FirstOrDefault();
        var address = sender?.Address?.Trim() ?? string.Empty;
        var subject = (message.Subject ?? string.Empty).Trim();
        var body = Cut((message.TextBody ?? StripTags(message.HtmlBody) ?? string.Empty).Trim(), TicketDesk.MaxDescriptionLength);
        var current = config();
        var contact = FindContact(current, address);
        var actor = Actor.OfCustomer(Cut(address.Length == 0 ? "unknown" : address, Actor.MaxNameLength));

        if (CaseTag().Match(subject) is { Success: true } tag && await desk.GetAsync(tag.Groups[1].Value, cancellationToken).ConfigureAwait(false) is { } detail)
        {
            var facts = await tickets.FactsAsync(detail.Incident.CaseNumber, cancellationToken).ConfigureAwait(false);
            var isReporter = facts?.ReporterEmail is { } reporter && string.Equals(reporter, address, StringComparison.OrdinalIgnoreCase);
            if (isReporter || contact?.Customer == detail.Incident.Customer)
            {
                var note = Cut($"Mail from {address}: {subject}\n\n{body}".Trim(), IncidentDesk.MaxNoteLength);
                await desk.AddNoteAsync(detail.Incident.CaseNumber, actor, note, isPublic: true, cancellationToken).ConfigureAwait(false);
                await KeepAttachmentsAsync(message, messageId, detail.Incident.CaseNumber, cancellationToken).ConfigureAwait(false);
                return MailOutcome.Reply;
            }
        }

        if (contact is { } known && current.Customers[known.Customer].Systems.Keys.FirstOrDefault() is { } system)
        {
            var ticket = new NewTicket(known.Customer, system, subject.Length == 0 ? "(no subject)" : Cut(subject, IncidentDesk.MaxTitleLength), body, null,
                Cut(known.Contact.Name, TicketDesk.MaxReporterLength), address, TicketChannel.Email);
            var opening = await tickets.OpenAsync(ticket, actor, cancellationToken, DedupPrefix + Hash(messageId)).ConfigureAwait(false);
            if (opening.Incident is { } incident)
            {
                await KeepAttachmentsAsync(message, messageId, incident.CaseNumber, cancellationToken).ConfigureAwait(false);
                return MailOutcome.Ticket;
            }
        }

        var id = Hash(messageId)[..16];
        await database.WriteAsync((c, t) => IntakeRows.AddTriageAsync(
            c, t, id, messageId, address.Length == 0 ? "(no sender)" : address, subject, body, now), cancellationToken).ConfigureAwait(false);
        await KeepAttachmentsAsync(message, messageId, $"triage:{id}", cancellationToken).ConfigureAwait(false);
        return MailOutcome.Triage;
    }

    private async Task KeepAttachmentsAsync(MimeMessage message, string messageId, string owner, CancellationToken cancellationToken)
    {
        var max = config().Mail?.MaxAttachmentBytes ?? 0;
        var kept = new List<(string Name, string Type, byte[] Content)>();
        var notes = new List<string>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var buffer = new MemoryStream();
            if (part.Content is null)
            {
                continue;
            }

            await part.Content.DecodeToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var name = part.FileName ?? "attachment";
            if (buffer.Length <= max)
            {
                kept.Add((name, part.ContentType.MimeType, buffer.ToArray()));
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Attachment kept: {name} ({buffer.Length} bytes)"));
            }
            else
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Attachment not kept: {name} ({buffer.Length} bytes, over the {max}-byte limit)"));
            }
        }

        if (kept.Count > 0)
        {
            await database.WriteAsync(async (c, t) =>
            {
                foreach (var (name, type, content) in kept)
                {
                    await IntakeRows.AddAttachmentAsync(c, t, messageId, owner, name, type, content).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        if (CaseNumbers.IsWellFormed(owner))
        {
            foreach (var note in notes)
            {
                await desk.RecordAsync(owner, new TimelineEntry(clock.GetCurrentInstant(), Actor.OfSystem("email"), AttachmentKind, note), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static (string Customer, ContactConfig Contact)? FindContact(StandbyOpsConfig config, string address)
    {
        foreach (var customer in config.Customers.Values)
        {
            if ((customer.Contacts ?? []).FirstOrDefault(c => string.Equals(Bare(c.Email), address, StringComparison.OrdinalIgnoreCase)) is { } contact)
            {
                return (customer.Id, contact);
            }
        }

        return null;
    }

    /// <summary>A configured address may be written <c>Name &lt;address&gt;</c>.</summary>
    private static string Bare(string email) => MailboxAddress.TryParse(email, out var parsed) ? parsed.Address : email;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static string? StripTags(string? html) => html is null ? null : HtmlTag().Replace(html, " ");

    [GeneratedRegex(@"\[(\d{4}-\d{6})\]")]
    private static partial Regex CaseTag();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}
