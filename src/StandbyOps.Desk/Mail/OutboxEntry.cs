using NodaTime;

namespace StandbyOps.Desk.Mail;

/// <summary>One mail of the outbox; <see cref="SentAt"/> is null while it is still due.</summary>
public sealed record OutboxEntry(string Id, OutgoingMail Mail, Instant CreatedAt, Instant DueAt, Instant? SentAt, int Attempts, string? LastError);
