namespace StandbyOps.Core.Sla;

/// <summary>The SLA targets of one priority: a response target and an optional resolution target.</summary>
public sealed record PriorityTargets(SlaTarget Response, SlaTarget? Resolution = null)
{
    public SlaTarget Response { get; } = Preconditions.NotNull(Response, nameof(Response));
}
