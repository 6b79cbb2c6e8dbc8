using System.Data.Common;
using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Desk.Intake;

/// <summary>Reads and writes the intake's tables: mail claims, mails seen, the triage queue and kept attachments.</summary>
internal static class IntakeRows
{
    public static async Task<HashSet<long>> SeenUidsAsync(DbConnection c, string folder, long uidValidity) =>
        (await c.QueryAsync<long>("SELECT uid FROM desk_mail_seen WHERE folder = @folder AND uid_validity = @uidValidity", new { folder, uidValidity }).ConfigureAwait(false)).ToHashSet();

    public static Task<bool> MessageSeenAsync(DbConnection c, DbTransaction? t, string messageId) =>
        c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM desk_mail_seen WHERE message_id = @messageId)", new { messageId }, t);

    /// <summary>Records that <paramref name="messageId"/> is about to be handled; committed before the claim, which never inserts.</summary>
    public static Task AddClaimAsync(DbConnection c, DbTransaction t, string messageId, Instant at) =>
        c.ExecuteAsync(
            "INSERT INTO desk_mail_claims (message_id, created_at) VALUES (@messageId, @at) ON CONFLICT DO NOTHING",
            new { messageId, at = InstantTypeHandler.Format(at) }, t);

    /// <summary>Claims the row of <paramref name="messageId"/> (ending in the store's <paramref name="rowClaim"/>); false when another node holds it or it is gone.</summary>
    public static async Task<bool> ClaimAsync(DbConnection c, DbTransaction? t, string messageId, string rowClaim) =>
        await c.ExecuteScalarAsync<string?>("SELECT message_id FROM desk_mail_claims WHERE message_id = @messageId" + rowClaim, new { messageId }, t).ConfigureAwait(false) is not null;

    /// <summary>Marks the mail seen with its outcome and drops its claim row: the claim table holds only mails in hand.</summary>
    public static async Task MarkSeenAsync(DbConnection c, DbTransaction t, string folder, long uidValidity, long uid, string messageId, string outcome, Instant at)
    {
        await c.ExecuteAsync(
            "INSERT INTO desk_mail_seen (folder, uid_validity, uid, message_id, outcome, seen_at) VALUES (@folder, @uidValidity, @uid, @messageId, @outcome, @at) ON CONFLICT DO NOTHING",
            new { folder, uidValidity, uid, messageId, outcome, at = InstantTypeHandler.Format(at) }, t).ConfigureAwait(false);
        await c.ExecuteAsync("DELETE FROM desk_mail_claims WHERE message_id = @messageId", new { messageId }, t).ConfigureAwait(false);
    }

    public static Task AddTriageAsync(DbConnection c, DbTransaction t, string id, string messageId, string sender, string subject, string body, Instant at) =>
        c.ExecuteAsync(
            "INSERT INTO desk_triage (id, message_id, sender, subject, body, received_at, state) VALUES (@id, @messageId, @sender, @subject, @body, @at, 'open') ON CONFLICT DO NOTHING",
            new { id, messageId, sender, subject, body, at = InstantTypeHandler.Format(at) }, t);

    public static Task AddAttachmentAsync(DbConnection c, DbTransaction t, string messageId, string owner, string fileName, string contentType, byte[] content) =>
        c.ExecuteAsync(
            "INSERT INTO desk_attachments (id, message_id, owner, file_name, content_type, size, content) VALUES (@id, @messageId, @owner, @fileName, @contentType, @size, @content)",
            new { id = Guid.NewGuid().ToString("N"), messageId, owner, fileName, contentType, size = (long)content.Length, content }, t);

    public static async Task<IReadOnlyList<TriageItem>> TriageAsync(DbConnection c, string? state) =>
        (await c.QueryAsync<TriageRow>(
            "SELECT id AS Id, message_id AS MessageId, sender AS Sender, subject AS Subject, body AS Body, received_at AS ReceivedAt, state AS State, " +
            "case_number AS CaseNumber, decided_by AS DecidedBy FROM desk_triage WHERE (@state IS NULL OR state = @state) ORDER BY received_at, id",
            new { state }).ConfigureAwait(false)).Select(r => r.ToItem()).ToList();

    public static async Task<TriageItem?> TriageItemAsync(DbConnection c, DbTransaction? t, string id) =>
        (await c.QuerySingleOrDefaultAsync<TriageRow>(
            "SELECT id AS Id, message_id AS MessageId, sender AS Sender, subject AS Subject, body AS Body, received_at AS ReceivedAt, state AS State, " +
            "case_number AS CaseNumber, decided_by AS DecidedBy FROM desk_triage WHERE id = @id", new { id }, t).ConfigureAwait(false))?.ToItem();

    public static Task DecideAsync(DbConnection c, DbTransaction t, string id, string state, string? caseNumber, string decidedBy) =>
        c.ExecuteAsync("UPDATE desk_triage SET state = @state, case_number = @caseNumber, decided_by = @decidedBy WHERE id = @id", new { id, state, caseNumber, decidedBy }, t);

    public static async Task<IReadOnlyList<(string FileName, long Size)>> AttachmentsAsync(DbConnection c, string owner) =>
        (await c.QueryAsync<(string, long)>("SELECT file_name, size FROM desk_attachments WHERE owner = @owner ORDER BY file_name", new { owner }).ConfigureAwait(false)).ToList();

    private sealed class TriageRow
    {
        public string Id { get; set; } = "";

        public string MessageId { get; set; } = "";

        public string Sender { get; set; } = "";

        public string Subject { get; set; } = "";

        public string Body { get; set; } = "";

        public string ReceivedAt { get; set; } = "";

        public string State { get; set; } = "";

        public string? CaseNumber { get; set; }

        public string? DecidedBy { get; set; }

        public TriageItem ToItem() => new(Id, MessageId, Sender, Subject, Body, InstantTypeHandler.Parse(ReceivedAt), State, CaseNumber, DecidedBy);
    }
}
