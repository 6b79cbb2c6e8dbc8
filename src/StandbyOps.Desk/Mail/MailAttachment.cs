namespace StandbyOps.Desk.Mail;

/// <summary>A file attached to an outgoing mail (e.g. the monthly SLA report as PDF); kept in the outbox intent as base64.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
