using NodaTime;
using StandbyOps.Billing.Store;
using StandbyOps.Configuration;

namespace StandbyOps.Server.Web;

/// <summary>The invoices of a month as a table, the month and customer filter, and for finance a draft form per customer.</summary>
public static class InvoiceListView
{
    /// <summary>The page body; <paramref name="formToken"/> is null when the viewer may not draft (admin reads only).</summary>
    public static Html Render(IReadOnlyList<StoredInvoice> invoices, YearMonth month, string? customer, StandbyOpsConfig config, Html? formToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(config);
        var monthText = FinanceMonth.Text(month);
        var options = config.Customers.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id == customer
            ? Html.Of($"<option value=\"{c.Id}\" selected>{c.Name}</option>")
            : Html.Of($"<option value=\"{c.Id}\">{c.Name}</option>"));
        var table = invoices.Count == 0
            ? Html.Of($"<p class=\"muted\">No invoices for {monthText}.</p>")
            : Html.Of($"""
                <div class="scroll"><table class="cards">
                <thead><tr><th>Number</th><th>Status</th><th>Customer</th><th>Month</th><th class="num">Total</th></tr></thead>
                <tbody>{invoices.Select(Row)}</tbody>
                </table></div>
                """);
        var drafts = formToken is null ? Html.Empty : DraftForms(invoices, month, customer, config, formToken);
        return Html.Of($"""
            <h1>Invoices {monthText}</h1>
            <form method="get" action="{InvoicePages.ListPath}" class="filters">
            <label for="month">Month</label>
            <input id="month" name="month" type="month" value="{monthText}" required>
            <label for="customer">Customer</label>
            <select id="customer" name="customer"><option value="">All customers</option>{options}</select>
            <p><button type="submit" class="secondary">Show</button></p>
            </form>
            {table}
            {drafts}
            """);
    }

    /// <summary>The status as the API names it: draft, issued (or issued and credited), credit.</summary>
    public static Html Status(StoredInvoice stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.CreditedBy is null
            ? Html.Of($"<span class=\"badge {stored.Status}\">{stored.Status}</span>")
            : Html.Of($"<span class=\"badge {stored.Status}\">{stored.Status}</span> <span class=\"muted\">credited</span>");
    }

    private static Html Row(StoredInvoice stored)
    {
        var invoice = stored.Invoice;
        var label = invoice.Number ?? "Draft";
        return Html.Of($"""
            <tr>
            <td data-label="Number"><a href="{InvoicePages.PathOf(stored)}">{label}</a></td>
            <td data-label="Status">{Status(stored)}</td>
            <td data-label="Customer">{invoice.CustomerName}</td>
            <td data-label="Month">{FinanceMonth.Text(invoice.Month)}</td>
            <td data-label="Total" class="num">{WebMoney.Amount(invoice.Total, invoice.Currency)}</td>
            </tr>
            """);
    }

    // One form per customer of the month: a month with a live issued invoice is frozen, so it gets none.
    private static Html DraftForms(IReadOnlyList<StoredInvoice> invoices, YearMonth month, string? customer, StandbyOpsConfig config, Html formToken)
    {
        var monthText = FinanceMonth.Text(month);
        var rows = config.Customers.Values
            .Where(c => customer is null || c.Id == customer)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c =>
            {
                var own = invoices.Where(i => i.Invoice.Customer == c.Id).ToList();
                var issued = own.FirstOrDefault(i => i.Status == "issued" && i.CreditedBy is null);
                var draft = own.FirstOrDefault(i => i.Status == "draft");
                var action = issued is not null
                    ? Html.Of($"<span class=\"muted\">Invoiced as <a href=\"{InvoicePages.PathOf(issued)}\">{issued.Invoice.Number}</a></span>")
                    : Html.Of($"""
                        <form method="post" action="{InvoicePages.ListPath}">{formToken}
                        <input type="hidden" name="customer" value="{c.Id}">
                        <input type="hidden" name="month" value="{monthText}">
                        <button type="submit" aria-label="{(draft is null ? "Create draft" : "Recompute draft")} for {c.Name}">{(draft is null ? "Create draft" : "Recompute draft")}</button>
                        </form>
                        """);
                return Html.Of($"<tr><td data-label=\"Customer\">{c.Name}</td><td data-label=\"Draft\">{action}</td></tr>");
            });
        return Html.Of($"""
            <h2>Drafts for {monthText}</h2>
            <p class="muted">A draft is computed from the agreed standby and callouts as they are now; recomputing replaces it. Issuing numbers and freezes it.</p>
            <div class="scroll"><table class="cards">
            <thead><tr><th>Customer</th><th>Draft</th></tr></thead>
            <tbody>{rows}</tbody>
            </table></div>
            """);
    }
}
