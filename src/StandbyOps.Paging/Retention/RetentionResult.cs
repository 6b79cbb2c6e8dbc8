namespace StandbyOps.Paging.Retention;

/// <summary>What one sweep deleted: finished intents, finished pages, and rows of closed incidents' paging work.</summary>
public sealed record RetentionResult(int Intents, int Pages, int ClosedIncidentWork);
