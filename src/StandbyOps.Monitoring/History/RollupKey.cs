namespace StandbyOps.Monitoring.History;

/// <summary>One bucket (<see cref="Bucket"/>, Unix seconds) of one series; <see cref="CheckId"/> is empty for the system as a whole.</summary>
public readonly record struct RollupKey(string SystemId, string CheckId, string Kind, long Bucket);
