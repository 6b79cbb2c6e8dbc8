using System.Text.Json;

namespace StandbyOps.Desk.Mail;

/// <summary>One mail in the outbox: recipients, subject, a plain-text and an HTML part, the ticket it is about (if any) and its attachments (if any).</summary>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string Text, string Html, string? CaseNumber, string Notice, IReadOnlyList<MailAttachment>? Attachments = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutgoingMail FromJson(string json) =>
        JsonSerializer.Deserialize<OutgoingMail>(json, Json) ?? throw new FormatException("An outgoing mail payload is empty.");
}
