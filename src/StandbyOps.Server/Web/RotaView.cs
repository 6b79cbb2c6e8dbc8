using NodaTime;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.Teams;
using StandbyOps.Server.Web.Pictures;

namespace StandbyOps.Server.Web;

/// <summary>The rota page's body: pickers, the timeline with its text list, and (for admin and desk) the two forms.</summary>
public static class RotaView
{
    /// <summary>The body; <paramref name="formToken"/> is null for a reader who may not edit.</summary>
    public static Html Render(
        TeamConfig team, RotaNavigation nav, Instant from, Instant to, Instant now, IReadOnlyList<TimelineLane> lanes, IReadOnlyList<(Instant At, string Text)> ticks,
        IReadOnlyList<CustomerConfig> customers, Html? formToken, Html? errors)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(nav);
        ArgumentNullException.ThrowIfNull(lanes);
        var zone = team.Zone;
        var label = $"Rota of team {team.Id} from {NodaTime.Text.LocalDatePattern.Iso.Format(from.InZone(zone).Date)} to {NodaTime.Text.LocalDatePattern.Iso.Format(to.InZone(zone).Date)}: " +
            string.Join("; ", lanes.Select(l => $"{l.Label}: {(l.Bars.Count == 0 ? "none" : string.Join(", ", l.Bars.Take(6).Select(b => b.Text)))}"));
        var chart = TimelineChart.Render(label, from, to, lanes, ticks, [new TimelineMarker(now, "now", "now")]);
        return Html.Of($"""
            <h1>Rota · {team.Id}</h1>
            <p class="filters">{nav.Teams.Select(t => Link(t, nav.View, nav.From, t, t == nav.Team))}</p>
            <p class="filters">{Link(nav.Team, "week", nav.From, "Week", nav.View == "week")} {Link(nav.Team, "month", nav.From, "Month", nav.View == "month")}
            {Link(nav.Team, nav.View, nav.Previous, "← Earlier", false)} {Link(nav.Team, nav.View, nav.Next, "Later →", false)}</p>
            <p class="muted">Times in {zone.Id}. <span class="legend"><span>■ on call</span><span>■ override</span><span>■ standby</span><span>■ office hours</span></span></p>
            <div class="scroll">{chart}</div>
            {errors ?? Html.Empty}
            <h2>In words</h2>
            <div class="scroll"><table class="cards">
            <thead><tr><th>Lane</th><th>Who or what</th><th>From</th><th>Until</th></tr></thead>
            <tbody>{lanes.SelectMany(l => l.Bars.Select(b => Html.Of($"<tr><td data-label=\"Lane\">{l.Label}</td><td data-label=\"Who\">{b.Text}</td><td data-label=\"From\">{WebTimes.Time(b.Start, zone)}</td><td data-label=\"Until\">{WebTimes.Time(b.End, zone)}</td></tr>")))}</tbody>
            </table></div>
            {(formToken is null ? Html.Empty : Forms(team, nav, customers, formToken))}
            """);
    }

    private static Html Forms(TeamConfig team, RotaNavigation nav, IReadOnlyList<CustomerConfig> customers, Html formToken) => Html.Of($"""
        <h2>Add an override</h2>
        <form method="post" action="{RotaPages.Path}/overrides">
        {formToken}
        <input type="hidden" name="team" value="{team.Id}"><input type="hidden" name="view" value="{nav.View}"><input type="hidden" name="from" value="{nav.From}">
        <label for="override-engineer">Engineer on call</label>
        <select id="override-engineer" name="engineer">{team.Engineers.Values.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => Html.Of($"<option value=\"{e.Id}\">{e.Name} ({e.Id})</option>"))}</select>
        <label for="override-start">Override from ({team.Zone.Id})</label>
        <input id="override-start" name="start" type="datetime-local" required>
        <label for="override-end">Override until</label>
        <input id="override-end" name="end" type="datetime-local" required>
        <p><button type="submit">Add override</button></p>
        </form>
        {(customers.Count == 0 ? Html.Empty : Html.Of($"""
            <h2>Add a one-off standby period</h2>
            <form method="post" action="{RotaPages.Path}/standby-periods">
            {formToken}
            <input type="hidden" name="team" value="{team.Id}"><input type="hidden" name="view" value="{nav.View}"><input type="hidden" name="from" value="{nav.From}">
            <label for="standby-customer">Customer</label>
            <select id="standby-customer" name="customer">{customers.Select(c => Html.Of($"<option value=\"{c.Id}\">{c.Name}</option>"))}</select>
            <label for="standby-start">Standby from (the customer's local time)</label>
            <input id="standby-start" name="start" type="datetime-local" required>
            <label for="standby-end">Standby until</label>
            <input id="standby-end" name="end" type="datetime-local" required>
            <label for="standby-note">Note</label>
            <input id="standby-note" name="note" maxlength="500">
            <p><button type="submit">Add standby period</button></p>
            </form>
            """))}
        """);

    private static Html Link(string team, string view, string from, string text, bool current) =>
        Html.Of($"<a href=\"{RotaPages.Path}?team={Uri.EscapeDataString(team)}&amp;view={view}&amp;from={from}\"{(current ? Html.Of($" class=\"current\"") : Html.Empty)}>{text}</a>");
}
