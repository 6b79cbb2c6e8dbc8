namespace StandbyOps.Paging.Dispatch;

/// <summary>A page item: one incident to tell one engineer, waiting until a page carries it.</summary>
public sealed record ItemRow(string Id, string EscalationId, long StepIndex, string CaseNumber, string Engineer);
