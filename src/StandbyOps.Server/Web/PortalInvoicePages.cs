using Microsoft.AspNetCore.Http.HttpResults;
using StandbyOps.Billing.Store;
using StandbyOps.Server.Api;
using StandbyOps.Server.Auth;

namespace StandbyOps.Server.Web;

/// <summary>
/// <c>/portal/invoices</c>: a customer's own issued invoices and credit notes, each as printable HTML and PDF (the
/// API's export bytes of the frozen snapshot). Drafts and other customers' invoices do not exist here: asking for one
/// is a 404, exactly as for a number that was never issued.
/// </summary>
public static class PortalInvoicePages
{
    /// <summary>The list.</summary>
    public const string ListPath = "/portal/invoices";

    /// <summary>Maps the routes.</summary>
    public static void MapPortalInvoicePages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ListPath).ExcludeFromDescription();
        group.MapGet("/", ListAsync).RequireWebRoles(WebRoles.PortalCustomers);
        group.MapGet("/{number}/print", (string number, HttpContext context, InvoiceStore store, WebPage page) =>
            ExportAsync(number, InvoiceFormat.Html, context, store, page)).RequireWebRoles(WebRoles.PortalCustomers);
        group.MapGet("/{number}/pdf", (string number, HttpContext context, InvoiceStore store, WebPage page) =>
            ExportAsync(number, InvoiceFormat.Pdf, context, store, page)).RequireWebRoles(WebRoles.PortalCustomers);
    }

    private static async Task<ContentHttpResult> ListAsync(HttpContext context, InvoiceStore store, WebPage page, CancellationToken cancellationToken)
    {
        var customer = context.User.PinnedCustomer() ?? string.Empty;
        var invoices = customer.Length == 0 ? [] : (await store.ListAsync(customer, null, null, cancellationToken).ConfigureAwait(false)).Where(Visible).ToList();
        var body = invoices.Count == 0
            ? Html.Of($"<h1>Invoices</h1><p class=\"muted\">No invoices have been issued to you yet.</p>")
            : Html.Of($"""
                <h1>Invoices</h1>
                <div class="scroll"><table class="cards">
                <thead><tr><th>Number</th><th>Type</th><th>Service month</th><th>Issued</th><th>Due</th><th class="num">Total</th><th>Download</th></tr></thead>
                <tbody>{invoices.OrderByDescending(i => i.Invoice.IssueDate).ThenByDescending(i => i.Invoice.Number, StringComparer.Ordinal).Select(Row)}</tbody>
                </table></div>
                """);
        return page.Render(context, "Invoices", body);
    }

    private static Html Row(StoredInvoice stored)
    {
        var invoice = stored.Invoice;
        var key = Uri.EscapeDataString(invoice.Number!);
        var type = invoice.CreditedNumber is { } credited ? $"Credit note for {credited}" : stored.CreditedBy is null ? "Invoice" : "Invoice (credited)";
        return Html.Of($"""
            <tr>
            <td data-label="Number">{invoice.Number}</td>
            <td data-label="Type">{type}</td>
            <td data-label="Service month">{FinanceMonth.Text(invoice.Month)}</td>
            <td data-label="Issued">{invoice.IssueDate?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}</td>
            <td data-label="Due">{invoice.DueDate?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}</td>
            <td data-label="Total" class="num">{WebMoney.Amount(invoice.Total, invoice.Currency)}</td>
            <td data-label="Download"><a href="{ListPath}/{key}/pdf" download>PDF</a> <a href="{ListPath}/{key}/print">HTML</a></td>
            </tr>
            """);
    }

    private static async Task<IResult> ExportAsync(string number, InvoiceFormat format, HttpContext context, InvoiceStore store, WebPage page)
    {
        var customer = context.User.PinnedCustomer();
        if (await store.GetAsync(number, context.RequestAborted).ConfigureAwait(false) is not { } stored
            || !Visible(stored)
            || stored.Invoice.Number != number
            || stored.Invoice.Customer != customer)
        {
            return page.Error(context, StatusCodes.Status404NotFound, "Invoice not found", $"You have no issued invoice numbered '{number}'.");
        }

        return InvoicePages.Export(stored, format, context);
    }

    // Issued invoices (credited or not) and credit notes; never a draft.
    private static bool Visible(StoredInvoice stored) => stored.Status is "issued" or "credit" && stored.Invoice.Number is not null;
}
