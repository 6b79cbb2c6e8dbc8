namespace StandbyOps.Incidents;

/// <summary>The outbox intent kinds the desk writes; each has a handler registered by <c>AddIncidents</c>.</summary>
public static class IncidentIntents
{
    /// <summary>Due at the response deadline: records a breach unless the incident was acknowledged (or resolved) in time.</summary>
    public const string SlaResponse = "incident.sla.response";

    /// <summary>Due at the resolution deadline: records a breach unless the incident was resolved in time.</summary>
    public const string SlaResolution = "incident.sla.resolution";

    /// <summary>Due a quiet period after resolving: closes the incident unless it was reopened or re-resolved since.</summary>
    public const string AutoClose = "incident.autoclose";
}
