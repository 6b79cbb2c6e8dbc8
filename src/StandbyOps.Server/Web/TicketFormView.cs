using StandbyOps.Configuration;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Server.Api;

namespace StandbyOps.Server.Web;

/// <summary>
/// The "new ticket" form: the desk logs a phone call (customer's system, channel, reporter); a customer's contact
/// picks one of its own systems only. Errors from <see cref="TicketDesk"/> show beside the form, with what was typed kept.
/// </summary>
public static class TicketFormView
{
    /// <summary>The page body; <paramref name="customer"/> is the pinned customer of a customer session, null for staff.</summary>
    public static Html Render(StandbyOpsConfig config, string? customer, HttpContext context, WebPage page, TicketsApi.TicketRequest? draft, IReadOnlyDictionary<string, string[]>? errors)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(page);
        var systems = config.Customers.Values
            .Where(c => customer is null || c.Id == customer)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .SelectMany(c => c.Systems.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => (Customer: c, System: s)))
            .Select(p =>
            {
                var value = $"{p.Customer.Id}/{p.System.Id}";
                var selected = draft is not null && $"{draft.Customer}/{draft.System}" == value;
                return Html.Of($"<option value=\"{value}\"{(selected ? Html.Of($" selected") : Html.Empty)}>{p.Customer.Name} · {p.System.Name}</option>");
            });
        var problems = errors is null || errors.Count == 0
            ? Html.Empty
            : Html.Of($"<div class=\"error\" role=\"alert\"><p>The ticket was not opened:</p><ul>{errors.SelectMany(e => e.Value.Select(m => Html.Of($"<li>{e.Key}: {m}</li>")))}</ul></div>");
        var staff = customer is null
            ? Html.Of($"""
                <label for="channel">Channel</label>
                <select id="channel" name="channel">{TicketChannel.Names.Select(n => Html.Of($"<option{(n == (draft?.Channel ?? TicketChannel.Phone) ? Html.Of($" selected") : Html.Empty)}>{n}</option>"))}</select>
                <label for="reporter">Reporter</label>
                <input id="reporter" name="reporter" maxlength="{TicketDesk.MaxReporterLength}" value="{draft?.Reporter}">
                <label for="reporterEmail">Reporter's e-mail</label>
                <input id="reporterEmail" name="reporterEmail" type="email" value="{draft?.ReporterEmail}">
                """)
            : Html.Empty;
        var priorities = new[] { ("", "From the system's criticality"), ("P1", "P1 critical: no operation possible"), ("P2", "P2 high: severely restricted"), ("P3", "P3 medium: workaround exists"), ("P4", "P4 low") }
            .Select(p => Html.Of($"<option value=\"{p.Item1}\"{(p.Item1 == (draft?.Priority ?? "") ? Html.Of($" selected") : Html.Empty)}>{p.Item2}</option>"));
        return Html.Of($"""
            <p><a href="/incidents">← Incidents</a></p>
            <h1>New ticket</h1>
            {problems}
            <form method="post" action="{TicketPages.NewPath}">
            {page.FormToken(context!)}
            <label for="system">System</label>
            <select id="system" name="system" required>{systems}</select>
            <label for="title">Title</label>
            <input id="title" name="title" maxlength="{IncidentDesk.MaxTitleLength}" required value="{draft?.Title}">
            <label for="description">Description</label>
            <textarea id="description" name="description" maxlength="{TicketDesk.MaxDescriptionLength}">{draft?.Description}</textarea>
            <label for="priority">Priority</label>
            <select id="priority" name="priority">{priorities}</select>
            {staff}
            <p><button type="submit">Open ticket</button></p>
            </form>
            """);
    }
}
