namespace StandbyOps.IntegrationTests.Incidents;

/// <summary>The incidents server on the system clock.</summary>
public sealed class IncidentServer() : IncidentServerBase(virtualTime: null);
