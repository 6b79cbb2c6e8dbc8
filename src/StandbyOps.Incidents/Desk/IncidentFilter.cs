namespace StandbyOps.Incidents.Desk;

/// <summary>Which incidents <see cref="IncidentDesk.ListAsync"/> returns; null means any.</summary>
public sealed record IncidentFilter(IncidentState? State = null, string? Customer = null)
{
    public static IncidentFilter All { get; } = new();
}
