using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Systems;

/// <summary>How much a system matters; gives the default priority of its checks, heartbeats and push rules.</summary>
public enum Criticality
{
    Critical,
    High,
    Medium,
    Low,
}

/// <summary>Maps a criticality to its default priority: critical→P1, high→P2, medium→P3, low→P4.</summary>
public static class CriticalityExtensions
{
    public static Priority DefaultPriority(this Criticality criticality) => criticality switch
    {
        Criticality.Critical => Priority.P1,
        Criticality.High => Priority.P2,
        Criticality.Medium => Priority.P3,
        Criticality.Low => Priority.P4,
        _ => throw new ArgumentOutOfRangeException(nameof(criticality), criticality, "unknown criticality"),
    };
}
