namespace StandbyOps.Paging.Dispatch;

/// <summary>One all-clear text: to the engineer paged about a case that resolved, with what became of it.</summary>
public sealed record AllClearRow(string Id, string CaseNumber, string Engineer, string Phone, string Status, string? ProviderId);
