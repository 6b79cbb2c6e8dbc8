using System.Diagnostics.CodeAnalysis;

namespace StandbyOps.Incidents.Desk;

/// <summary>What a desk call did.</summary>
public enum IncidentChangeKind
{
    /// <summary>No incident matched (unknown case number, or a recovery with nothing open for its dedup key).</summary>
    NotFound,

    /// <summary>The call was a repeat or did not apply in the current state; nothing changed.</summary>
    Unchanged,

    Opened,

    /// <summary>A failure counted against an open or acknowledged incident.</summary>
    Repeated,

    Reopened,

    /// <summary>A recovery recorded on an incident that does not auto-resolve.</summary>
    Recovered,

    Acknowledged,
    Resolved,
    Closed,
    NoteAdded,

    /// <summary>An SLA deadline passed unmet; the breach was recorded.</summary>
    SlaBreached,

    /// <summary>An SLA deadline is <c>sla.warnBefore</c> away and not met; the warning was recorded.</summary>
    SlaWarning,

    /// <summary>A timeline entry from another stage (paging) was recorded.</summary>
    Recorded,
}

/// <summary>The outcome of a desk call and the incident as committed (null only when <see cref="IncidentChangeKind.NotFound"/>).</summary>
public sealed record IncidentChange(IncidentChangeKind Kind, Incident? Incident)
{
    public static IncidentChange NotFound { get; } = new(IncidentChangeKind.NotFound, null);

    [MemberNotNullWhen(true, nameof(Incident))]
    public bool Found => Incident is not null;

    /// <summary>False for <see cref="IncidentChangeKind.NotFound"/> and <see cref="IncidentChangeKind.Unchanged"/>.</summary>
    public bool Changed => Kind is not (IncidentChangeKind.NotFound or IncidentChangeKind.Unchanged);
}
