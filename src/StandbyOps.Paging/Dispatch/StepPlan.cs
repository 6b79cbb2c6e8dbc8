using NodaTime;

namespace StandbyOps.Paging.Dispatch;

/// <summary>What one escalation step does: whom it pages (engineer id and E.164 phone), when its next step is due, and when to send.</summary>
public sealed record StepPlan(IReadOnlyList<(string Engineer, string Phone)> Targets, Instant? NextDue, Instant SendAt);
