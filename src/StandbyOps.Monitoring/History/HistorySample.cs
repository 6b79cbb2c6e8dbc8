using NodaTime;

namespace StandbyOps.Monitoring.History;

/// <summary>One raw result as kept for 48 hours.</summary>
public sealed record HistorySample(string SystemId, string CheckId, string Kind, Instant At, HistoryState State, long? LatencyMs, string? Reason);
