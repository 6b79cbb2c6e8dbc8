using StandbyOps.Configuration;
using StandbyOps.Server.Reports;

namespace StandbyOps.Server.Web;

/// <summary>The SLA report page's body: the pickers, tickets per priority against the deadlines, standby and availability.</summary>
public static class SlaReportView
{
    /// <summary>The body; <paramref name="pickCustomer"/> shows the customer picker (staff).</summary>
    public static Html Render(SlaReport report, StandbyOpsConfig config, bool pickCustomer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(config);
        var zone = WebTimes.ZoneOf(config, report.Customer);
        var picker = pickCustomer
            ? Html.Of($"""
                <label for="customer">Customer</label>
                <select id="customer" name="customer">{config.Customers.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => Html.Of($"<option value=\"{c.Id}\"{(c.Id == report.Customer ? Html.Of($" selected") : Html.Empty)}>{c.Name}</option>"))}</select>
                """)
            : Html.Empty;
        return Html.Of($"""
            <h1>SLA report · {IncidentQueueView.CustomerName(config, report.Customer)} · {report.Month}</h1>
            <form method="get" action="{SlaReportPages.Path}">
            {picker}
            <label for="month">Month</label>
            <input id="month" name="month" type="month" value="{report.Month}" required>
            <p><button type="submit" class="secondary">Show</button></p>
            </form>
            <p class="muted">From {WebTimes.Time(report.From, zone)} to {WebTimes.Time(report.To, zone)}.</p>
            <p>Download: <a href="{SlaReportPages.Path}.pdf?customer={report.Customer}&amp;month={report.Month}" download>PDF</a> · <a href="{SlaReportPages.Path}.csv?customer={report.Customer}&amp;month={report.Month}" download>CSV</a></p>
            <h2>Tickets and deadlines</h2>
            <div class="scroll"><table class="cards">
            <thead><tr><th>Priority</th><th class="num">Tickets</th><th class="num">Response met</th><th class="num">Response breached</th><th class="num">Resolution met</th><th class="num">Resolution breached</th><th class="num">Acknowledge mean / p90</th><th class="num">Resolve mean / p90</th></tr></thead>
            <tbody>{report.Priorities.Append(report.Total).Select(Row)}</tbody>
            </table></div>
            <h2>Standby</h2>
            <dl>
            <dt>Agreed standby</dt><dd>{SlaReportText.Hours(report.StandbyHours)}</dd>
            <dt>Callouts</dt><dd>{report.Callouts} ({SlaReportText.Hours(report.CalloutHours)})</dd>
            </dl>
            <h2>Availability</h2>
            <div class="scroll"><table class="cards">
            <thead><tr><th>System</th><th class="num">Available</th><th class="num">Target</th><th>Met</th><th class="num">Down</th><th class="num">Maintenance</th><th class="num">Unknown</th></tr></thead>
            <tbody>{report.Availability.Select(Availability)}</tbody>
            </table></div>
            """);
    }

    private static Html Row(SlaPriorityFigures f) => Html.Of($"""
        <tr><td data-label="Priority">{f.Priority}</td><td data-label="Tickets" class="num">{f.Tickets}</td>
        <td data-label="Response met" class="num">{f.ResponseMet}</td><td data-label="Response breached" class="num">{Breached(f.ResponseBreached)}</td>
        <td data-label="Resolution met" class="num">{f.ResolutionMet}</td><td data-label="Resolution breached" class="num">{Breached(f.ResolutionBreached)}</td>
        <td data-label="Acknowledge" class="num">{SlaReportText.Minutes(f.MeanAcknowledgeMinutes)} / {SlaReportText.Minutes(f.P90AcknowledgeMinutes)}</td>
        <td data-label="Resolve" class="num">{SlaReportText.Minutes(f.MeanResolveMinutes)} / {SlaReportText.Minutes(f.P90ResolveMinutes)}</td></tr>
        """);

    private static Html Availability(SystemAvailability s)
    {
        var met = s.TargetMet switch
        {
            true => Html.Of($"<span class=\"badge up\">met</span>"),
            false => Html.Of($"<span class=\"badge breached\">missed</span>"),
            null => Html.Of($"<span class=\"none\">—</span>"),
        };
        return Html.Of($"""
            <tr><td data-label="System">{s.Name}</td><td data-label="Available" class="num">{SlaReportText.Percent(s.AvailabilityPercent)}</td><td data-label="Target" class="num">{SlaReportText.Target(s.Target)}</td>
            <td data-label="Met">{met}</td><td data-label="Down" class="num">{SlaReportText.Duration(s.DownSeconds)}</td><td data-label="Maintenance" class="num">{SlaReportText.Duration(s.MaintenanceSeconds)}</td><td data-label="Unknown" class="num">{SlaReportText.Duration(s.UnknownSeconds)}</td></tr>
            """);
    }

    private static Html Breached(int count) => count > 0 ? Html.Of($"<span class=\"breached\">{count}</span>") : Html.Of($"{count}");
}
