using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Sla;

namespace StandbyOps.Incidents.Observers;

/// <summary>
/// One change as the desk writes it: its kind, the incident after it and when. <see cref="AlsoResolved"/> marks a close
/// that resolved too; <see cref="Sla"/> names the deadline of a warning or breach; <see cref="Entry"/> is the timeline
/// entry of an added note (its kind says whether it is public, its actor who wrote it).
/// </summary>
public sealed record IncidentTransition(
    IncidentChangeKind Kind, Incident Incident, Instant At, bool AlsoResolved = false, SlaKind? Sla = null, TimelineEntry? Entry = null);
