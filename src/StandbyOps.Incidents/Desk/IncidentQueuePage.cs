namespace StandbyOps.Incidents.Desk;

/// <summary>One page of the queue; <see cref="Next"/> is where the following page starts, null on the last one.</summary>
public sealed record IncidentQueuePage(IReadOnlyList<Incident> Incidents, IncidentCursor? Next);
