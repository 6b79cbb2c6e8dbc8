using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Web.Pictures;

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
        routes.MapGet("/systems", ListAsync).RequireWebRoles(WebRoles.Readers).ExcludeFromDescription();
    }

    private static async Task<ContentHttpResult> ListAsync(HttpContext context, LiveConfig live, SystemStatusBoard board, HistoryPictures pictures, WebPage page, CancellationToken cancellationToken)
    {
        var config = live.Current;
        var pinned = context.User.PinnedCustomer();
        await pictures.FlushAsync(cancellationToken).ConfigureAwait(false);
        var customers = new List<Html>();
        foreach (var systems in MonitorSupervisor.SystemsOf(config).Where(s => pinned is null || s.CustomerId == pinned).GroupBy(s => s.CustomerId))
        {
            var zone = WebTimes.ZoneOf(config, systems.Key);
            var sections = new List<Html>();
            foreach (var (_, system) in systems)
            {
                var statuses = board.For(system.Id);
                var checks = new Dictionary<string, Html>(StringComparer.Ordinal);
                foreach (var status in statuses)
                {
                    checks[status.Id] = await pictures.CheckAsync(system.Id, status.Id, cancellationToken).ConfigureAwait(false);
                }

                var uptime = await pictures.SystemAsync(system.Id, system.Name, cancellationToken).ConfigureAwait(false);
                sections.Add(SystemView.Render(system, statuses, zone, uptime, checks));
            }

            customers.Add(Html.Of($"""
                <h2>{IncidentQueueView.CustomerName(config, systems.Key)} <span class="muted">(times in {zone.Id})</span></h2>
                {sections}
                """));
        }

        var body = customers.Count == 0 ? Html.Of($"<p class=\"muted\">No systems are configured.</p>") : Html.Join(customers);
        return page.Render(context, "Systems", Html.Of($"<h1>Systems</h1>{body}"));
    }
}
