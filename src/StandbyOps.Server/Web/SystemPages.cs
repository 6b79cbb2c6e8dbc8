using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/systems</c>: every system with the state of each check and heartbeat, its last result and latency.
/// For a customer this is the read-only status portal of its own systems.
/// </summary>
public static class SystemPages
{
    /// <summary>Maps the route.</summary>
    public static void MapSystemPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/systems", List).RequireWebRoles(WebRoles.Readers).ExcludeFromDescription();
    }

    private static ContentHttpResult List(HttpContext context, LiveConfig live, SystemStatusBoard board, WebPage page)
    {
        var config = live.Current;
        var pinned = context.User.PinnedCustomer();
        var customers = MonitorSupervisor.SystemsOf(config)
            .Where(s => pinned is null || s.CustomerId == pinned)
            .GroupBy(s => s.CustomerId)
            .Select(systems =>
            {
                var zone = WebTimes.ZoneOf(config, systems.Key);
                return Html.Of($"""
                    <h2>{IncidentQueueView.CustomerName(config, systems.Key)} <span class="muted">(times in {zone.Id})</span></h2>
                    {systems.Select(s => SystemView.Render(s.System, board.For(s.System.Id), zone))}
                    """);
            })
            .ToList();
        var body = customers.Count == 0 ? Html.Of($"<p class=\"muted\">No systems are configured.</p>") : Html.Join(customers);
        return page.Render(context, "Systems", Html.Of($"<h1>Systems</h1>{body}"));
    }
}
