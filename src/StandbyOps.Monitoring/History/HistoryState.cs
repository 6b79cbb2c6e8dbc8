namespace StandbyOps.Monitoring.History;

/// <summary>What a check, heartbeat or system was during a span of time, as history counts it.</summary>
public enum HistoryState
{
    /// <summary>No verdict: pending, removed, or the server was not running. Not stored; it is whatever time is left.</summary>
    Unknown,

    /// <summary>Passing.</summary>
    Up,

    /// <summary>Failing past its threshold.</summary>
    Down,

    /// <summary>Inside a maintenance window of the system.</summary>
    Maintenance,
}
