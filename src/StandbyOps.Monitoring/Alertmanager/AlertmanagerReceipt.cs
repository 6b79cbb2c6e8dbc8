namespace StandbyOps.Monitoring.Alertmanager;

/// <summary>What a notification did: how many alerts were recorded as firing and resolved, and how many matched no system.</summary>
public sealed record AlertmanagerReceipt(int Firing, int Resolved, int Unrouted);
