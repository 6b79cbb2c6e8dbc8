using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Reports;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/reports/sla?customer=&amp;month=</c>: the SLA report of a customer's month as a page, the same figures as
/// <c>GET /api/v1/reports/sla</c> (read through <see cref="SlaReportApi.ReadAsync"/>). Admin, desk and finance pick any
/// customer; a customer token sees only its own (another one: the 404 page). The month defaults to the previous one.
/// </summary>
public static class SlaReportPages
{
    /// <summary>The page's path.</summary>
    public const string Path = "/reports/sla";

    /// <summary>Maps the route.</summary>
    public static void MapSlaReportPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ShowAsync).RequireWebRoles(WebRoles.SlaReaders).ExcludeFromDescription();
        routes.MapGet(Path + ".pdf", (string? customer, string? month, HttpContext context, LiveConfig live, WebPage page, CancellationToken cancellationToken) =>
            DownloadAsync(customer, month, context, page, r => SlaReportApi.Pdf(r, live.Current), cancellationToken)).RequireWebRoles(WebRoles.SlaReaders).ExcludeFromDescription();
        routes.MapGet(Path + ".csv", (string? customer, string? month, HttpContext context, WebPage page, CancellationToken cancellationToken) =>
            DownloadAsync(customer, month, context, page, SlaReportApi.Csv, cancellationToken)).RequireWebRoles(WebRoles.SlaReaders).ExcludeFromDescription();
    }

    /// <summary>The PDF or CSV of the report the page shows (same checks), or the error page.</summary>
    private static async Task<IResult> DownloadAsync(string? customer, string? month, HttpContext context, WebPage page, Func<SlaReport, IResult> download, CancellationToken cancellationToken)
    {
        var (report, problem) = await SlaReportApi.ReadAsync(customer, month, context.User, context.RequestServices, cancellationToken).ConfigureAwait(false);
        if (report is not null)
        {
            return download(report);
        }

        var status = problem is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status400BadRequest;
        return status == StatusCodes.Status404NotFound
            ? page.Error(context, status, "Customer not found", $"There is no customer '{customer}' to report on.")
            : page.Error(context, status, "The report cannot be shown", $"'{month}' is not a month such as 2026-11.");
    }

    private static async Task<ContentHttpResult> ShowAsync(string? customer, string? month, HttpContext context, LiveConfig live, NodaTime.IClock clock, WebPage page, CancellationToken cancellationToken)
    {
        var config = live.Current;
        var pinned = context.User.PinnedCustomer();
        customer = string.IsNullOrWhiteSpace(customer) ? pinned ?? config.Customers.Keys.Order(StringComparer.Ordinal).FirstOrDefault() : customer;
        if (string.IsNullOrWhiteSpace(month))
        {
            month = FinanceMonth.Text(FinanceMonth.Previous(clock));
        }

        var (report, problem) = await SlaReportApi.ReadAsync(customer, month, context.User, context.RequestServices, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            var status = problem is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status400BadRequest;
            return status == StatusCodes.Status404NotFound
                ? page.Error(context, status, "Customer not found", $"There is no customer '{customer}' to report on.")
                : page.Error(context, status, "The report cannot be shown", $"'{month}' is not a month such as 2026-11.");
        }

        return page.Render(context, $"SLA report {report.Month}", SlaReportView.Render(report, config, pinned is null));
    }
}
