using StandbyOps.Configuration;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Server.Web;

/// <summary>The queue as a table: case, priority, state, customer, system, title, opened, response due.</summary>
public static class IncidentQueueView
{
    /// <summary>The page body for <paramref name="queue"/>, already in queue order.</summary>
    /// <param name="canOpen">Shows the link to the new-ticket form (desk, admin, customers).</param>
    /// <param name="canTriage">Shows the link to the triage queue (desk, admin).</param>
    public static Html Render(IReadOnlyList<Incident> queue, QueueFilter filter, StandbyOpsConfig config, bool canOpen = false, bool canTriage = false)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(filter);
        var filters = QueueFilter.Names.Select(name => name == filter.Name
            ? Html.Of($"<a class=\"current\" href=\"/incidents?state={name}\" aria-current=\"page\">{name}</a>")
            : Html.Of($"<a href=\"/incidents?state={name}\">{name}</a>"));
        var table = queue.Count == 0
            ? Html.Of($"<p class=\"muted\">No {filter.Name} incidents.</p>")
            : Html.Of($"""
                <div class="scroll"><table class="cards">
                <thead><tr><th>Case</th><th>Priority</th><th>State</th><th>Customer</th><th>System</th><th>Title</th><th>Opened</th><th>Response due</th></tr></thead>
                <tbody>
                {queue.Select(i => Row(i, config))}
                </tbody>
                </table></div>
                """);
        return Html.Of($"""
            <h1>Incidents</h1>
            {(canOpen ? Html.Of($"<p><a href=\"{TicketPages.NewPath}\">New ticket</a>{(canTriage ? Html.Of($" · <a href=\"{TriagePages.Path}\">Triage</a>") : Html.Empty)}</p>") : Html.Empty)}
            <nav class="filters" aria-label="State">{filters}</nav>
            {table}
            """);
    }

    /// <summary>The customer's display name, or its id when the configuration no longer has it.</summary>
    public static string CustomerName(StandbyOpsConfig config, string customer)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Customers.TryGetValue(customer, out var c) ? c.Name : customer;
    }

    /// <summary>The response deadline, marked when it was missed.</summary>
    public static Html ResponseDue(Incident incident, NodaTime.DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var due = WebTimes.Time(incident.ResponseDueAt, zone);
        return incident.ResponseBreached ? Html.Of($"{due} <span class=\"badge breached\">BREACHED</span>") : due;
    }

    private static Html Row(Incident i, StandbyOpsConfig config)
    {
        var zone = WebTimes.ZoneOf(config, i.Customer);
        var priority = i.Priority.ToText();
        var state = i.State.ToText();
        return Html.Of($"""
            <tr>
            <td data-label="Case"><a href="{IncidentPages.PathOf(i.CaseNumber)}">{i.CaseNumber}</a></td>
            <td data-label="Priority"><span class="badge {priority.ToLowerInvariant()}">{priority}</span></td>
            <td data-label="State"><span class="{state}">{state}</span></td>
            <td data-label="Customer">{CustomerName(config, i.Customer)}</td>
            <td data-label="System">{i.System}</td>
            <td data-label="Title">{i.Title}</td>
            <td data-label="Opened">{WebTimes.Time(i.OpenedAt, zone)}</td>
            <td data-label="Response due">{ResponseDue(i, zone)}</td>
            </tr>
            """);
    }
}
