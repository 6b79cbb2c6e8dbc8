using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Server.Api;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/reports/standby-hours</c>: each engineer's standby and callout hours per category for a month, the same rows as
/// <c>GET /api/v1/reports/standby-hours</c> (<see cref="BillingOperations.StandbyHoursAsync"/>), for finance and admin.
/// </summary>
public static class StandbyHoursPages
{
    /// <summary>Where the report is.</summary>
    public const string Path = "/reports/standby-hours";

    /// <summary>Maps the route.</summary>
    public static void MapStandbyHoursPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ReportAsync).RequireWebRoles(WebRoles.FinanceReaders).ExcludeFromDescription();
    }

    private static async Task<ContentHttpResult> ReportAsync(
        string? month, HttpContext context, LiveConfig live, Rota.TeamRotas rotas, IDatabase database, IClock clock, WebPage page, CancellationToken cancellationToken)
    {
        if (!FinanceMonth.TryParseOrPrevious(month, clock, out var wanted))
        {
            return page.Error(context, StatusCodes.Status400BadRequest, "Not a month", $"'{month}' is not a month: expected YYYY-MM, e.g. 2026-11.");
        }

        var config = live.Current;
        var rows = await BillingOperations.StandbyHoursAsync(wanted, null, context.User, config, rotas, database, cancellationToken).ConfigureAwait(false) ?? [];
        var monthText = FinanceMonth.Text(wanted);
        var table = rows.Count == 0
            ? Html.Of($"<p class=\"muted\">No standby or callout hours in {monthText}.</p>")
            : Html.Of($"""
                <div class="scroll"><table class="cards">
                <thead><tr><th>Customer</th><th>Engineer</th><th>Category</th><th class="num">Hours</th><th class="num">Of which late</th></tr></thead>
                <tbody>{rows.Select(r => Html.Of($"""
                    <tr>
                    <td data-label="Customer">{IncidentQueueView.CustomerName(config, r.Customer)}</td>
                    <td data-label="Engineer">{r.Engineer}</td>
                    <td data-label="Category">{r.Category}</td>
                    <td data-label="Hours" class="num">{WebMoney.Hours(r.Hours)}</td>
                    <td data-label="Of which late" class="num">{WebMoney.Hours(r.LateHours)}</td>
                    </tr>
                    """))}</tbody>
                </table></div>
                """);
        return page.Render(context, $"Standby hours {monthText}", Html.Of($"""
            <h1>Standby hours {monthText}</h1>
            <form method="get" action="{Path}" class="filters">
            <label for="month">Month</label>
            <input id="month" name="month" type="month" value="{monthText}" required>
            <p><button type="submit" class="secondary">Show</button></p>
            </form>
            <p class="muted">On-call time inside each customer's agreed standby and callout time, per category in the customer's zone, without billing minimums.</p>
            {table}
            """));
    }
}
