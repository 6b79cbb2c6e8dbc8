namespace StandbyOps.Monitoring.Alertmanager;

/// <summary>Where an alert belongs: a configured system, or the <c>unrouted</c> system when none matched.</summary>
public sealed record AlertRoute(string Customer, string System)
{
    /// <summary>The system (and, for admin tokens, the customer) of alerts that match no configured system.</summary>
    public const string Unrouted = "unrouted";

    /// <summary>True when no system matched.</summary>
    public bool IsUnrouted => System == Unrouted;
}
