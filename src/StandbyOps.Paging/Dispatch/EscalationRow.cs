namespace StandbyOps.Paging.Dispatch;

/// <summary>A stored escalation: its incident, mode (<c>standby</c>, <c>duty</c> or <c>none</c>), start and whether it stopped.</summary>
public sealed record EscalationRow(string Id, string CaseNumber, string Mode, string StartedAt, long Stopped);
