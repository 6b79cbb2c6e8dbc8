namespace StandbyOps.Incidents.Desk;

/// <summary>
/// The timeline entry kinds the desk writes. Downstream stages add their own through
/// <see cref="IncidentDesk.RecordAsync"/> (paging: <c>paged</c>, <c>delivered</c>, <c>failed</c>, <c>escalated</c>).
/// </summary>
public static class TimelineKinds
{
    public const string Opened = "opened";
    public const string FailureRepeated = "failure-repeated";
    public const string Reopened = "reopened";
    public const string Recovered = "recovered";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string Note = "note";

    /// <summary>A note the customer may read (a customer's own comment, or staff's note marked public).</summary>
    public const string PublicNote = "public-note";
    public const string SlaBreached = "sla-breached";

    /// <summary>An SLA deadline is near (<c>sla.warnBefore</c> ahead of it) and not met yet; staff only.</summary>
    public const string SlaWarning = "sla-warning";

    /// <summary>A link to an internal or development ticket (staff only).</summary>
    public const string InternalLink = "internal-link";

    /// <summary>The longest kind accepted.</summary>
    public const int MaxKindLength = 40;

    /// <summary>Entries only staff see: internal notes, internal ticket links and SLA warnings; a customer never gets them (API or portal).</summary>
    public static bool IsInternal(string kind) => kind is Note or InternalLink or SlaWarning;
}
