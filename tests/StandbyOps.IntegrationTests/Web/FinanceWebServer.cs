using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Incidents;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>
/// The web UI's server (<see cref="WebServer.WebConfig"/>: €100/h, Amsterdam, NL holidays) on virtual time Tue 1 Dec
/// 2026, so November is over and may be issued (a month is issued only after it ends), an issued invoice is dated 2026
/// and numbered INV-2026-0001; globex has no recurring standby, so only what a
/// test agrees is billed. One per test class: the invoice numbers are the class's own.
/// </summary>
public sealed class FinanceWebServer() : IncidentServerBase(Start, WebServer.WebConfig)
{
    /// <summary>The virtual time the server starts at.</summary>
    public const string Start = "2026-12-01T09:00:00Z";

    /// <summary>DOMAIN.md's weekend worked example for globex: Sat 21 Nov 2026 10:00–12:00 Amsterdam, €200.00 at €100/h.</summary>
    public async Task AgreeWeekendExampleAsync(HttpClient finance)
    {
        ArgumentNullException.ThrowIfNull(finance);
        var response = await finance.PostAsJsonAsync("/api/v1/customers/globex/standby-periods", new { start = "2026-11-21T10:00", end = "2026-11-21T12:00", note = "worked example" });
        await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
    }

    /// <summary>A new token's secret and a browser signed in with it.</summary>
    public async Task<FormClient> SignedInAsync(string role, string? customer = null) =>
        await FormClient.SignedInAsync(Server.BaseAddress, (await TokenAsync(role, customer)).Secret);
}
