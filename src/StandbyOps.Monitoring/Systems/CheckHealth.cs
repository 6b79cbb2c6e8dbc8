namespace StandbyOps.Monitoring.Systems;

/// <summary>What the thresholds make of a check's recent results.</summary>
public enum CheckHealth
{
    /// <summary>No verdict yet: fewer results than either threshold needs.</summary>
    Pending,

    /// <summary>Passing.</summary>
    Up,

    /// <summary>Failed <c>failureThreshold</c> times in a row.</summary>
    Down,
}
