using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;

namespace StandbyOps.Incidents.Desk;

/// <summary>
/// A snapshot of one incident as stored. <see cref="AcknowledgedAt"/> and <see cref="ResolvedAt"/> describe the
/// current round (a reopen clears them); <see cref="RespondedAt"/> is the first acknowledgement or resolution
/// ever, which is what the response SLA measures. Deadlines are null where the contract sets none.
/// </summary>
public sealed record Incident(
    string CaseNumber,
    IncidentState State,
    Priority Priority,
    string Customer,
    string System,
    SignalSource Source,
    string DedupKey,
    string Title,
    Instant OpenedAt,
    Instant? AcknowledgedAt,
    Actor? AcknowledgedBy,
    Instant? ResolvedAt,
    Actor? ResolvedBy,
    Instant? ClosedAt,
    Instant? RespondedAt,
    Instant? ResponseDueAt,
    Instant? ResolutionDueAt,
    bool ResponseBreached,
    bool ResolutionBreached,
    long FailureCount,
    Instant LastFailureAt,
    bool AutoResolve)
{
    /// <summary>Open or acknowledged: someone still has to act.</summary>
    public bool IsUnresolved => State is IncidentState.Open or IncidentState.Acknowledged;
}
