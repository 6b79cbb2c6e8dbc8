namespace StandbyOps.Paging.Voice;

/// <summary>One incident as a paging call reads it: case number, priority, customer, system and title.</summary>
public sealed record CalledIncident(string CaseNumber, string Priority, string Customer, string System, string Title);
