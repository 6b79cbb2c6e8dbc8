namespace StandbyOps.IntegrationTests.Incidents;

/// <summary>The incidents server on virtual time starting Fri 20 Nov 2026 15:00 Europe/Amsterdam (14:00Z).</summary>
public sealed class VirtualTimeIncidentServer() : IncidentServerBase(Start)
{
    public const string Start = "2026-11-20T14:00:00Z";
}
