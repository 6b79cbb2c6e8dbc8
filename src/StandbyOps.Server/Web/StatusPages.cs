using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Web.Pictures;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/status?customer=</c>: a customer's status page in the portal: each system's state now with its 90-day uptime, the
/// maintenance announced for the next 14 days, and the incidents of the last 30 days by their titles only (no notes,
/// pages or links). A customer sees its own; staff pick a customer.
/// </summary>
public static class StatusPages
{
    /// <summary>The page's path.</summary>
    public const string Path = "/status";

    private static readonly Duration Ahead = Duration.FromDays(14);
    private static readonly Duration Recent = Duration.FromDays(30);

    /// <summary>Maps the route.</summary>
    public static void MapStatusPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ShowAsync).RequireWebRoles(WebRoles.Readers).ExcludeFromDescription();
    }

    private static async Task<ContentHttpResult> ShowAsync(
        string? customer, HttpContext context, LiveConfig live, SystemStatusBoard board, HistoryPictures pictures, IncidentDesk desk, IClock clock, WebPage page, CancellationToken cancellationToken)
    {
        var config = live.Current;
        var pinned = context.User.PinnedCustomer();
        var id = pinned ?? customer ?? config.Customers.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
        if (id is null || !config.Customers.TryGetValue(id, out var customerConfig) || pinned is not null && customer is not null && customer != pinned)
        {
            return page.Error(context, StatusCodes.Status404NotFound, "Customer not found", $"There is no customer '{customer}' to show.");
        }

        var zone = WebTimes.ZoneOf(config, id);
        var now = clock.GetCurrentInstant();
        await pictures.FlushAsync(cancellationToken).ConfigureAwait(false);
        var systems = new List<Html>();
        var maintenance = new List<Html>();
        foreach (var system in customerConfig.Systems.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var state = SystemsApi.Worst(board.For(system.Id).Select(s => s.State).ToArray());
            var uptime = await pictures.SystemAsync(system.Id, system.Name, cancellationToken).ConfigureAwait(false);
            systems.Add(Html.Of($"""<section class="system"><h3>{system.Name} <span class="badge {state}">{StateText(state)}</span></h3>{uptime}</section>"""));
            maintenance.AddRange(new MaintenanceSchedule(system.Maintenance).WindowsBetween(now, now + Ahead).Select(w => Html.Of($"""
                <tr><td data-label="System">{system.Name}</td><td data-label="From">{WebTimes.Time(w.Start, zone)}</td><td data-label="Until">{WebTimes.Time(w.End, zone)}</td></tr>
                """)));
        }

        var incidents = (await desk.ListAsync(new IncidentFilter(Customer: id), cancellationToken).ConfigureAwait(false))
            .Where(i => i.OpenedAt >= now - Recent).OrderByDescending(i => i.OpenedAt).Take(20).ToList();
        var switcher = pinned is null
            ? Html.Of($"<p class=\"filters\">{config.Customers.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => Html.Of($"<a href=\"{Path}?customer={Uri.EscapeDataString(c.Id)}\"{(c.Id == id ? Html.Of($" class=\"current\"") : Html.Empty)}>{c.Name}</a>"))}</p>")
            : Html.Empty;
        return page.Render(context, "Status", Html.Of($"""
            <h1>Status of {customerConfig.Name}</h1>
            {switcher}
            <p class="muted">As of {WebTimes.Time(now, zone)} · times in {zone.Id}</p>
            {(systems.Count == 0 ? Html.Of($"<p class=\"muted\">No systems are monitored.</p>") : Html.Join(systems))}
            <h2>Maintenance ahead</h2>
            {(maintenance.Count == 0 ? Html.Of($"<p class=\"muted\">No maintenance is planned for the next 14 days.</p>") : Html.Of($"""
                <div class="scroll"><table class="cards"><thead><tr><th>System</th><th>From</th><th>Until</th></tr></thead><tbody>{maintenance}</tbody></table></div>
                """))}
            <h2>Recent incidents</h2>
            {(incidents.Count == 0 ? Html.Of($"<p class=\"muted\">No incidents in the last 30 days.</p>") : Html.Of($"""
                <div class="scroll"><table class="cards"><thead><tr><th>Incident</th><th>System</th><th>State</th><th>Opened</th><th>Resolved</th></tr></thead>
                <tbody>{incidents.Select(i => Incident(i, config, zone))}</tbody></table></div>
                """))}
            """));
    }

    /// <summary>The incident's public face: its title and times, never notes, pages or links.</summary>
    private static Html Incident(Incident i, Configuration.StandbyOpsConfig config, DateTimeZone zone)
    {
        var state = i.State.ToText();
        var system = config.Customers.TryGetValue(i.Customer, out var c) && c.Systems.TryGetValue(i.System, out var s) ? s.Name : i.System;
        return Html.Of($"""
            <tr><td data-label="Incident"><a href="{IncidentPages.PathOf(i.CaseNumber)}">{i.Title}</a></td><td data-label="System">{system}</td><td data-label="State"><span class="badge {state}">{state}</span></td><td data-label="Opened">{WebTimes.Time(i.OpenedAt, zone)}</td><td data-label="Resolved">{WebTimes.Time(i.ResolvedAt, zone)}</td></tr>
            """);
    }

    private static string StateText(string state) => state switch
    {
        "up" => "operational",
        "down" => "outage",
        "maintenance" => "maintenance",
        _ => state,
    };
}
