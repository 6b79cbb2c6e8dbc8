using StandbyOps.IntegrationTests.Incidents;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The web UI's server on virtual time inside acme's agreed standby (Tue 24 Nov 2026 19:00 Amsterdam), so an incident pages the engineer on call.</summary>
public sealed class StandbyWebServer() : IncidentServerBase(Start, WebServer.WebConfig)
{
    public const string Start = "2026-11-24T18:00:00Z";
}
