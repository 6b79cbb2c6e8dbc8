using NodaTime;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Store;

namespace StandbyOps.Server.Web;

/// <summary>One invoice: its header, its lines with local times in the contract's zone, the totals, the exports and, on a draft, the issue form.</summary>
public static class InvoiceDetailView
{
    /// <summary>The page title: the number, or which month's draft.</summary>
    public static string Title(StoredInvoice stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var invoice = stored.Invoice;
        return invoice.Number is { } number
            ? (invoice.Type == InvoiceType.CreditNote ? $"Credit note {number}" : $"Invoice {number}")
            : $"Draft {invoice.CustomerName} {FinanceMonth.Text(invoice.Month)}";
    }

    /// <summary>The page body; <paramref name="formToken"/> is null unless the viewer may issue this draft or credit this issued invoice.</summary>
    public static Html Render(StoredInvoice stored, Html? formToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var invoice = stored.Invoice;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(invoice.TimeZone) ?? DateTimeZone.Utc;
        var currency = invoice.Currency;
        var issued = invoice.IssueDate is { } date ? Html.Of($"<dt>Issued</dt><dd>{date:uuuu-MM-dd}</dd>") : Html.Empty;
        var credits = invoice.CreditedNumber is { } credited ? Html.Of($"<dt>Credits</dt><dd>{credited}</dd>") : Html.Empty;
        var creditedBy = stored.CreditedBy is { } by ? Html.Of($"<dt>Credited by</dt><dd>{by}</dd>") : Html.Empty;
        var issue = formToken is null ? Html.Empty : stored.Status == "draft" ? Html.Of($"""
            <form method="post" action="{InvoicePages.ListPath}/{Uri.EscapeDataString(stored.Id)}/issue" class="actions">{formToken}
            <p class="error">Issuing gives this draft the next invoice number and freezes it: it is never recomputed again, and a mistake is corrected only with a credit note.</p>
            <button type="submit">Issue</button>
            </form>
            """) : Html.Of($"""
            <form method="post" action="{InvoicePages.ListPath}/{Uri.EscapeDataString(stored.Id)}/credit" class="actions">{formToken}
            <p class="error">Crediting issues a numbered credit note that cancels this invoice in full; the month can then be drafted and issued again.</p>
            <button type="submit">Credit this invoice</button>
            </form>
            """);
        var key = Uri.EscapeDataString(invoice.Number ?? stored.Id);
        // On a phone the totals become labelled lines: the stylesheet hides the label cells, so the amount cells carry the label too.
        return Html.Of($"""
            <h1>{Title(stored)}</h1>
            <dl>
            <dt>Status</dt><dd>{InvoiceListView.Status(stored)}</dd>
            <dt>Number</dt><dd>{invoice.Number ?? "none until issued"}</dd>
            {issued}{credits}{creditedBy}
            <dt>Customer</dt><dd>{invoice.CustomerName} ({invoice.Customer})</dd>
            <dt>Month</dt><dd>{FinanceMonth.Text(invoice.Month)}</dd>
            {Due(invoice)}
            <dt>Times in</dt><dd>{invoice.TimeZone}</dd>
            </dl>
            <nav class="actions" aria-label="Exports">
            <a href="{InvoicePages.ListPath}/{key}/csv" download>Download CSV</a>
            <a href="{InvoicePages.ListPath}/{key}/print">Printable HTML</a>
            <a href="{InvoicePages.ListPath}/{key}/pdf" download>Download PDF</a>
            </nav>
            <h2>Lines</h2>
            <div class="scroll"><table class="cards">
            <thead><tr><th>Category</th><th>Start</th><th>End</th><th class="num">Agreed h</th><th class="num">Billed h</th><th class="num">Rate %</th><th class="num">Amount</th><th>Case</th><th>Engineer</th></tr></thead>
            <tbody>{invoice.Lines.Select(l => Line(l, zone, currency))}</tbody>
            <tfoot>
            <tr><td colspan="6" data-label="">Subtotal</td><td class="num" data-label="Subtotal">{WebMoney.Amount(invoice.Subtotal, currency)}</td><td colspan="2"></td></tr>
            <tr><td colspan="6" data-label="">VAT {WebMoney.Percent(invoice.VatPercent)}%</td><td class="num" data-label="VAT {WebMoney.Percent(invoice.VatPercent)}%">{WebMoney.Amount(invoice.Vat, currency)}</td><td colspan="2"></td></tr>
            <tr class="total"><td colspan="6" data-label="">Total</td><td class="num" data-label="Total">{WebMoney.Amount(invoice.Total, currency)}</td><td colspan="2"></td></tr>
            </tfoot>
            </table></div>
            {issue}
            """);
    }

    private static Html Due(Invoice invoice) =>
        invoice.DueDate is { } due ? Html.Of($"<dt>Due</dt><dd>{due:uuuu-MM-dd}</dd>") : Html.Empty;

    private static Html Line(InvoiceLine line, DateTimeZone zone, string currency)
    {
        var none = Html.Of($"<span class=\"none\">—</span>");
        var agreed = line is StandbyLine standby ? Html.Of($"{WebMoney.Hours(standby.AgreedHours)}") : none;
        var callout = line as CalloutLine;
        var caseNumber = callout?.CaseNumber is { } number ? Html.Of($"{number}") : none;
        var engineer = callout is null ? none : Html.Of($"{callout.Engineer}");
        return Html.Of($"""
            <tr>
            <td data-label="Category">{line.Category.ToString().ToLowerInvariant()}{(line.Late ? " (late)" : string.Empty)}</td>
            <td data-label="Start">{WebTimes.Time(line.Start, zone)}</td>
            <td data-label="End">{WebTimes.Time(line.End, zone)}</td>
            <td data-label="Agreed h" class="num">{agreed}</td>
            <td data-label="Billed h" class="num">{WebMoney.Hours(line.BilledHours)}</td>
            <td data-label="Rate %" class="num">{WebMoney.Percent(line.RatePercent)}</td>
            <td data-label="Amount" class="num">{WebMoney.Amount(line.Amount, currency)}</td>
            <td data-label="Case">{caseNumber}</td>
            <td data-label="Engineer">{engineer}</td>
            </tr>
            """);
    }
}
