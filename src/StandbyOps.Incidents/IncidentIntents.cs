namespace StandbyOps.Incidents;

/// <summary>The outbox intent kinds the desk writes; each has a handler registered by <c>AddIncidents</c>, except <see cref="PagingStart"/> and <see cref="HoursOpen"/> (by <c>AddPaging</c>).</summary>
public static class IncidentIntents
{
    /// <summary>Due at the response deadline: records a breach unless the incident was acknowledged (or resolved) in time.</summary>
    public const string SlaResponse = "incident.sla.response";

    /// <summary>Due at the resolution deadline: records a breach unless the incident was resolved in time.</summary>
    public const string SlaResolution = "incident.sla.resolution";

    /// <summary>Due <c>sla.warnBefore</c> ahead of the response deadline: records a warning unless the incident responded or breached already.</summary>
    public const string SlaResponseWarning = "incident.sla.response.warning";

    /// <summary>Due <c>sla.warnBefore</c> ahead of the resolution deadline: records a warning unless the incident was resolved or breached already.</summary>
    public const string SlaResolutionWarning = "incident.sla.resolution.warning";

    /// <summary>
    /// Written with an opening or reopening outside both agreed standby and business hours, due when the customer's calendar
    /// next opens, payload the case number: paging then announces the still-open ticket to the duty engineer (handled by <c>AddPaging</c>).
    /// </summary>
    public const string HoursOpen = "paging.hours-open";

    /// <summary>Due a quiet period after resolving: closes the incident unless it was reopened or re-resolved since.</summary>
    public const string AutoClose = "incident.autoclose";

    /// <summary>
    /// Written in the transaction that opens or reopens an incident, due at once, payload the case number: paging decides
    /// whom to page. Being in the same transaction, a committed opening is paged even if the process dies right after.
    /// </summary>
    public const string PagingStart = "paging.start";
}
