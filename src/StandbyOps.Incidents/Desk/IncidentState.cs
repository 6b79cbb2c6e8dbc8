namespace StandbyOps.Incidents.Desk;

/// <summary>The life cycle: open → acknowledged → resolved → closed; a failure on a resolved incident reopens it.</summary>
public enum IncidentState
{
    Open,
    Acknowledged,
    Resolved,
    Closed,
}
