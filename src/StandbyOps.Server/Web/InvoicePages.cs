using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Store;
using StandbyOps.Server.Api;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/invoices</c>: finance lists invoices by month and customer, creates or recomputes a month's draft, reads an
/// invoice and issues it. Every action calls the same <see cref="BillingOperations"/> as <c>/api/v1/invoices</c>, and the
/// CSV and printable HTML are the API's export bytes, so the UI can never bill differently from the API.
/// Forms post, then redirect to the invoice (post/redirect/get), so a reload repeats nothing.
/// </summary>
public static class InvoicePages
{
    /// <summary>The list.</summary>
    public const string ListPath = "/invoices";

    private const string ExportPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Maps the routes.</summary>
    public static void MapInvoicePages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ListPath).ExcludeFromDescription();
        group.MapGet("/", ListAsync).RequireWebRoles(WebRoles.FinanceReaders);
        group.MapPost("/", DraftAsync).RequireWebRoles(WebRoles.Billers).RequireFormToken();
        group.MapGet("/{idOrNumber}", DetailAsync).RequireWebRoles(WebRoles.FinanceReaders);
        group.MapGet("/{idOrNumber}/csv", (string idOrNumber, HttpContext context, InvoiceStore store, WebPage page) =>
            ExportAsync(idOrNumber, InvoiceFormat.Csv, context, store, page)).RequireWebRoles(WebRoles.FinanceReaders);
        group.MapGet("/{idOrNumber}/print", (string idOrNumber, HttpContext context, InvoiceStore store, WebPage page) =>
            ExportAsync(idOrNumber, InvoiceFormat.Html, context, store, page)).RequireWebRoles(WebRoles.FinanceReaders);
        group.MapGet("/{idOrNumber}/pdf", (string idOrNumber, HttpContext context, InvoiceStore store, WebPage page) =>
            ExportAsync(idOrNumber, InvoiceFormat.Pdf, context, store, page)).RequireWebRoles(WebRoles.FinanceReaders);
        group.MapPost("/{id}/issue", IssueAsync).RequireWebRoles(WebRoles.Billers).RequireFormToken();
        group.MapPost("/{id}/credit", CreditAsync).RequireWebRoles(WebRoles.Billers).RequireFormToken();
    }

    /// <summary>The page of one invoice, by its number once issued and by its id while a draft.</summary>
    public static string PathOf(StoredInvoice stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return $"{ListPath}/{Uri.EscapeDataString(stored.Invoice.Number ?? stored.Id)}";
    }

    private static async Task<ContentHttpResult> ListAsync(
        string? month, string? customer, HttpContext context, InvoiceStore store, LiveConfig live, IClock clock, WebPage page, CancellationToken cancellationToken)
    {
        if (!FinanceMonth.TryParseOrPrevious(month, clock, out var wanted))
        {
            return BadMonth(context, page, month);
        }

        var config = live.Current;
        var only = string.IsNullOrWhiteSpace(customer) ? null : customer.Trim();
        if (only is not null && !config.Customers.ContainsKey(only))
        {
            return page.Error(context, StatusCodes.Status400BadRequest, "Unknown customer", $"There is no customer '{only}' in the configuration.");
        }

        var invoices = await store.ListAsync(only, wanted, null, cancellationToken).ConfigureAwait(false);
        var canDraft = context.User.HasAny(WebRoles.Billers);
        return page.Render(context, $"Invoices {FinanceMonth.Text(wanted)}", InvoiceListView.Render(invoices, wanted, only, config, canDraft ? page.FormToken(context) : null));
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> DraftAsync(
        HttpContext context, InvoiceStore store, LiveConfig live, WebPage page, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormOrEmptyAsync(cancellationToken).ConfigureAwait(false);
        var customer = form["customer"].ToString().Trim();
        var monthText = form["month"].ToString().Trim();
        // An empty month must not silently mean "last month" here: a draft is only made for the month on the form.
        if (!FinanceMonth.TryParse(monthText, out var month))
        {
            return BadMonth(context, page, monthText);
        }

        if (customer.Length == 0)
        {
            return page.Error(context, StatusCodes.Status400BadRequest, "No customer", "Choose the customer whose month to draft.");
        }

        var write = await BillingOperations.DraftAsync(live.Current, store, customer, month, context.User, cancellationToken).ConfigureAwait(false);
        WebLog.InvoiceDrafted(loggers.CreateLogger(WebLog.Category), customer, FinanceMonth.Text(month), context.User.FindFirstValue(ClaimTypes.NameIdentifier), write?.Status.ToString() ?? "unknown customer");
        if (write is null)
        {
            return page.Error(context, StatusCodes.Status404NotFound, "Unknown customer", $"There is no customer '{customer}' in the configuration.");
        }

        return write.Status switch
        {
            InvoiceWriteStatus.Written => TypedResults.LocalRedirect(PathOf(write.Invoice!)),
            InvoiceWriteStatus.Conflict => page.Error(context, StatusCodes.Status409Conflict, "The month is already invoiced", write.Reason ?? "The month has an issued invoice."),
            _ => page.Error(context, StatusCodes.Status422UnprocessableEntity, "No draft was made", NotDrafted(write.Outcome)),
        };
    }

    private static async Task<ContentHttpResult> DetailAsync(string idOrNumber, HttpContext context, InvoiceStore store, WebPage page, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(idOrNumber, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return NotFound(context, page, idOrNumber);
        }

        // Finance may issue a draft, or credit an issued invoice that is not credited yet; one form token serves either form.
        var actionable = stored.Status == "draft" || (stored.Status == "issued" && stored.CreditedBy is null);
        var token = context.User.HasAny(WebRoles.Billers) && actionable ? page.FormToken(context) : null;
        return page.Render(context, InvoiceDetailView.Title(stored), InvoiceDetailView.Render(stored, token));
    }

    private static async Task<IResult> ExportAsync(string idOrNumber, InvoiceFormat format, HttpContext context, InvoiceStore store, WebPage page)
    {
        if (await store.GetAsync(idOrNumber, context.RequestAborted).ConfigureAwait(false) is not { } stored)
        {
            return NotFound(context, page, idOrNumber);
        }

        return Export(stored, format, context);
    }

    /// <summary>The API's export bytes of <paramref name="stored"/>, with the headers a downloaded bill needs.</summary>
    internal static IResult Export(StoredInvoice stored, InvoiceFormat format, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(context);

        // Exactly the API's export: the same renderer over the same stored snapshot.
        var export = BillingApi.Render(stored, format);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Headers only, the bytes stay the API's: the printable page needs its inline style and nothing else, and a bill is never cached.
        headers.ContentSecurityPolicy = ExportPolicy;
        headers.CacheControl = "no-store";
        if (format == InvoiceFormat.Csv)
        {
            // Numbers and ids are [A-Za-z0-9_-] only, so the bare filename needs no quoting.
            context.Response.Headers.ContentDisposition = $"attachment; filename={stored.Invoice.Number ?? stored.Id}.csv";
        }

        return export;
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> IssueAsync(
        string id, HttpContext context, InvoiceStore store, IClock clock, WebPage page, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var write = await BillingOperations.IssueAsync(store, clock, id, cancellationToken).ConfigureAwait(false);
        WebLog.InvoiceIssued(loggers.CreateLogger(WebLog.Category), id, context.User.FindFirstValue(ClaimTypes.NameIdentifier), write.Status.ToString(), write.Invoice?.Invoice.Number);
        return write.Status switch
        {
            InvoiceWriteStatus.Written => TypedResults.LocalRedirect(PathOf(write.Invoice!)),
            InvoiceWriteStatus.NotFound => NotFound(context, page, id),
            _ => page.Error(context, StatusCodes.Status409Conflict, "Already issued", write.Reason ?? "The invoice cannot be issued."),
        };
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> CreditAsync(
        string id, HttpContext context, InvoiceStore store, IClock clock, WebPage page, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var write = await BillingOperations.CreditAsync(store, clock, id, cancellationToken).ConfigureAwait(false);
        WebLog.InvoiceCredited(loggers.CreateLogger(WebLog.Category), id, context.User.FindFirstValue(ClaimTypes.NameIdentifier), write.Status.ToString(), write.Invoice?.Invoice.Number);
        return write.Status switch
        {
            InvoiceWriteStatus.Written => TypedResults.LocalRedirect(PathOf(write.Invoice!)),
            InvoiceWriteStatus.NotFound => NotFound(context, page, id),
            _ => page.Error(context, StatusCodes.Status409Conflict, "Cannot credit", write.Reason ?? "The invoice cannot be credited."),
        };
    }

    private static string NotDrafted(InvoiceDraftOutcome? outcome) => outcome switch
    {
        InvoiceDraftOutcome.NothingToBill nothing =>
            $"{nothing.Customer} has no agreed standby outside office time and no callouts in {FinanceMonth.Text(nothing.Month)}; no invoice is made.",
        InvoiceDraftOutcome.Rejected rejected => string.Join(" ", rejected.Problems.Select(p => p.Detail)),
        _ => "The calculator made no draft.",
    };

    private static ContentHttpResult BadMonth(HttpContext context, WebPage page, string? month) =>
        page.Error(context, StatusCodes.Status400BadRequest, "Not a month", $"'{month}' is not a month: expected YYYY-MM, e.g. 2026-11.");

    private static ContentHttpResult NotFound(HttpContext context, WebPage page, string idOrNumber) =>
        page.Error(context, StatusCodes.Status404NotFound, "Invoice not found", $"There is no invoice with id or number '{idOrNumber}'.");
}
