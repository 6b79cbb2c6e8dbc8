namespace StandbyOps.Incidents.Sla;

/// <summary>Which SLA deadline: the first response or the resolution.</summary>
public enum SlaKind
{
    Response,
    Resolution,
}
