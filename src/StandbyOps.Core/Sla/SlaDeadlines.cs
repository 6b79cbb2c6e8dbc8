using NodaTime;

namespace StandbyOps.Core.Sla;

/// <summary>When an incident is due for response and for resolution; null where the contract sets no target.</summary>
public sealed record SlaDeadlines(Instant? ResponseDueAt, Instant? ResolutionDueAt);
