using NodaTime;

namespace StandbyOps.Storage.Intents;

/// <summary>
/// A durable record of a side effect still to be done (send a page, run an escalation step).
/// It is written in the same transaction as the state change that causes it and completed after
/// the effect, so a crash repeats at most one effect and never loses one.
/// </summary>
public sealed record Intent(string Id, string Kind, string Payload, Instant CreatedAt, Instant DueAt, int Attempts, string? LastError);
