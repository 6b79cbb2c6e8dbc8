using StandbyOps.Incidents.Pages;

namespace StandbyOps.Incidents.Desk;

/// <summary>An incident with its timeline (oldest first) and the pages sent about it.</summary>
public sealed record IncidentDetail(Incident Incident, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<IncidentPage> Pages);
