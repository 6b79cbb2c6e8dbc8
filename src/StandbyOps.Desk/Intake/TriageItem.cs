using NodaTime;

namespace StandbyOps.Desk.Intake;

/// <summary>A mail from an unknown sender waiting for the desk: <c>open</c>, then <c>assigned</c> (with its case) or <c>discarded</c>.</summary>
public sealed record TriageItem(string Id, string MessageId, string Sender, string Subject, string Body, Instant ReceivedAt, string State, string? CaseNumber, string? DecidedBy);
