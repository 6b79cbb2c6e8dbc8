using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Desk;
using StandbyOps.Monitoring.History;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Server.Rota;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Reports;

/// <summary><c>GET /api/v1/reports/sla?customer=&amp;month=</c> (JSON), <c>/api/v1/reports/sla.csv</c> and <c>/api/v1/reports/sla.pdf</c>.</summary>
public static class SlaReportApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapSlaReportApi(this IEndpointRouteBuilder routes)
    {
        TokenRole[] roles = [TokenRole.Admin, TokenRole.Desk, TokenRole.Finance, TokenRole.Customer];
        routes.MapGet("/api/v1/reports/sla", async (string? customer, string? month, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken) =>
            await ReadAsync(customer, month, user, context.RequestServices, cancellationToken).ConfigureAwait(false) switch
            {
                { Report: { } report } => Results.Ok(report),
                var failed => failed.Problem!,
            }).RequireRoles(roles).WithTags("Reports");
        routes.MapGet("/api/v1/reports/sla.csv", async (string? customer, string? month, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken) =>
            await ReadAsync(customer, month, user, context.RequestServices, cancellationToken).ConfigureAwait(false) switch
            {
                { Report: { } report } => Csv(report),
                var failed => failed.Problem!,
            }).RequireRoles(roles).WithTags("Reports");
        routes.MapGet("/api/v1/reports/sla.pdf", async (string? customer, string? month, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken) =>
            await ReadAsync(customer, month, user, context.RequestServices, cancellationToken).ConfigureAwait(false) switch
            {
                { Report: { } report } => Pdf(report, context.RequestServices.GetRequiredService<LiveConfig>().Current),
                var failed => failed.Problem!,
            }).RequireRoles(roles).WithTags("Reports");
    }

    /// <summary>The report as a PDF download, headed by the customer's name and timed in its calendar's zone.</summary>
    public static IResult Pdf(SlaReport report, StandbyOpsConfig config) =>
        Results.File(PdfBytes(report, config), "application/pdf", $"sla-{report.Customer}-{report.Month}.pdf");

    /// <summary>The report as a CSV download.</summary>
    public static IResult Csv(SlaReport report) =>
        Results.File(Encoding.UTF8.GetBytes(SlaReportCsv.Write(report)), "text/csv; charset=utf-8", $"sla-{report.Customer}-{report.Month}.csv");

    /// <summary>The PDF's bytes of <paramref name="report"/>.</summary>
    public static byte[] PdfBytes(SlaReport report, StandbyOpsConfig config)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(config);
        var customer = config.Customers.GetValueOrDefault(report.Customer);
        var zone = customer is not null && config.Calendars.TryGetValue(customer.Calendar, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
        return SlaReportPdf.Render(report, customer?.Name ?? report.Customer, zone);
    }

    /// <summary>Reads the report for the caller, or the problem to answer.</summary>
    public static async Task<(SlaReport? Report, IResult? Problem)> ReadAsync(
        string? customer, string? month, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var config = services.GetRequiredService<LiveConfig>().Current;
        var errors = new Dictionary<string, string[]>();
        var id = user.PinnedCustomer() ?? customer;
        if (string.IsNullOrWhiteSpace(id))
        {
            errors["customer"] = ["'customer' is required."];
        }

        var parsed = BillingInput.Month(month, "month", errors);
        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "The SLA report query is invalid"));
        }

        if (BillingInput.Contract(config, id!, user) is not { } contract || !string.IsNullOrEmpty(customer) && customer != id)
        {
            return (null, BillingInput.UnknownCustomer(customer ?? id));
        }

        var range = BillingInput.ExactMonth(contract, parsed!.Value);
        var incidents = (await services.GetRequiredService<IncidentDesk>().ListAsync(new IncidentFilter(Customer: id), cancellationToken).ConfigureAwait(false))
            .Where(i => range.Contains(i.OpenedAt)).ToList();
        var (priorities, total) = SlaReport.FiguresOf(incidents);

        var hours = await BillingOperations.StandbyHoursAsync(parsed.Value, id, user, config, services.GetRequiredService<TeamRotas>(), services.GetRequiredService<IDatabase>(), cancellationToken).ConfigureAwait(false) ?? [];
        var callouts = await services.GetRequiredService<IDatabase>().ReadAsync(c => CalloutStore.ListAsync(c, null, id, range), cancellationToken).ConfigureAwait(false);

        var recorder = services.GetRequiredService<CheckHistoryRecorder>();
        await recorder.FlushAsync(untilNow: true, cancellationToken).ConfigureAwait(false);
        var availability = await AvailabilityReport.ReadAsync(services.GetRequiredService<CheckHistoryStore>(), config, id!, config.Customers[id!], range.Start, range.End,
            services.GetRequiredService<IClock>().GetCurrentInstant(), cancellationToken).ConfigureAwait(false);

        return (new SlaReport(
            id!,
            parsed.Value.ToString("uuuu-MM", System.Globalization.CultureInfo.InvariantCulture),
            range.Start,
            range.End,
            priorities,
            total,
            hours.Where(h => h.Category != "callout").Sum(h => h.Hours),
            callouts.Count,
            hours.Where(h => h.Category == "callout").Sum(h => h.Hours),
            availability.Systems), null);
    }
}
