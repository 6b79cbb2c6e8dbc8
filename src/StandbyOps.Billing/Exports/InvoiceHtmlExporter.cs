using System.Net;
using System.Text;
using StandbyOps.Billing.Invoices;

namespace StandbyOps.Billing.Exports;

/// <summary>Renders an invoice as one self-contained, printable HTML page (inline print CSS, no scripts, no external files).</summary>
/// <remarks>Every text from data is HTML-escaped; amounts use invariant digits with thousands separators (1,450.00).</remarks>
public static class InvoiceHtmlExporter
{
    private const string Style = """
        body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #111; margin: 2em; }
        h1 { font-size: 16pt; margin: 0 0 0.5em; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; margin: 0 0 1.5em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        table { width: 100%; border-collapse: collapse; }
        th, td { padding: 0.3em 0.5em; border-bottom: 1px solid #ccc; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #111; }
        .num { text-align: right; white-space: nowrap; }
        tfoot td { border-bottom: none; font-weight: bold; }
        .note { margin-top: 1.5em; color: #555; font-size: 8pt; }
        @media print {
          body { margin: 0; }
          @page { size: A4; margin: 15mm; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
        }
        """;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly (string Heading, bool Numeric)[] Headings =
    [
        ("Date", false), ("Description", false), ("Local start", false), ("Local end", false),
        ("Agreed / worked h", true), ("Billed h", true), ("Rate", true), ("%", true), ("Amount", true),
    ];

    /// <summary>The page as UTF-8 bytes.</summary>
    public static byte[] Render(Invoice invoice)
    {
        Preconditions.NotNull(invoice, nameof(invoice));
        var html = new StringBuilder();
        var title = ExportText.Title(invoice);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Escape(title)).Append(" — ").Append(Escape(invoice.CustomerName)).Append("</title>\n");
        html.Append("<style>\n").Append(Style.Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Escape(title)).Append("</h1>\n<dl>\n");
        if (invoice.Seller is { } seller)
        {
            Party(html, "Seller", seller.Name, seller.Address, seller.VatId);
        }

        Term(html, "Customer", $"{invoice.CustomerName} ({invoice.Customer})");
        if (invoice.Buyer is { } buyer)
        {
            Party(html, "Billed to", buyer.Name, buyer.Address, buyer.VatId);
            Term(html, "Service period", $"{ExportText.Text(invoice.ServiceFrom)} – {ExportText.Text(invoice.ServiceTo)}");
        }
        else
        {
            Term(html, "Period", ExportText.Text(invoice.Month));
        }

        if (invoice.IssueDate is { } issued)
        {
            Term(html, "Issue date", ExportText.Text(issued));
        }

        if (invoice.DueDate is { } due)
        {
            Term(html, "Due date", ExportText.Text(due));
        }

        if (invoice.CreditedNumber is { } credited)
        {
            Term(html, "Credits invoice", credited);
        }

        Term(html, "Currency", invoice.Currency);
        Term(html, "Local times in", invoice.TimeZone);
        html.Append("</dl>\n<table>\n<thead>\n<tr>");
        foreach (var (heading, numeric) in Headings)
        {
            html.Append(numeric ? "<th class=\"num\">" : "<th>").Append(heading).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var line in invoice.Lines)
        {
            Line(html, invoice.Currency, line);
        }

        html.Append("</tbody>\n<tfoot>\n");
        Total(html, "Subtotal", Money(invoice.Currency, invoice.Subtotal));
        Total(html, $"VAT {ExportText.Text(ExportText.Percent(invoice.VatPercent))}%", Money(invoice.Currency, invoice.Vat));
        Total(html, "Total", Money(invoice.Currency, invoice.Total));
        html.Append("</tfoot>\n</table>\n");
        if (Payment(invoice) is { } payment)
        {
            html.Append("<p>").Append(Escape(payment)).Append("</p>\n");
        }

        html.Append("<p class=\"note\">Hours are elapsed time in the local zone shown above, rounded to two decimals for display; ")
            .Append("amounts are computed from exact minutes and rounded per line to cents.</p>\n");
        html.Append("</body>\n</html>\n");
        return Utf8NoBom.GetBytes(html.ToString());
    }

    private static void Line(StringBuilder html, string currency, InvoiceLine line)
    {
        html.Append("<tr>");
        Cell(html, ExportText.Text(line.LocalStart.Date), numeric: false);
        Cell(html, ExportText.Description(line), numeric: false);
        Cell(html, ExportText.Text(line.LocalStart).Replace('T', ' '), numeric: false);
        Cell(html, ExportText.Text(line.LocalEnd).Replace('T', ' '), numeric: false);
        Cell(html, Number(ExportText.Hours(ExportText.Measured(line))), numeric: true);
        Cell(html, Number(ExportText.Hours(line.BilledMinutes)), numeric: true);
        Cell(html, Money(currency, ExportText.Rate(line.HourlyRate)), numeric: true);
        Cell(html, ExportText.Text(ExportText.Percent(line.RatePercent)), numeric: true);
        Cell(html, Money(currency, line.Amount), numeric: true);
        html.Append("</tr>\n");
    }

    /// <summary>How to pay an issued invoice with a seller block and an amount due; null otherwise.</summary>
    internal static string? Payment(Invoice invoice) =>
        invoice is { Seller: { } seller, DueDate: { } due, Type: InvoiceType.Invoice } && invoice.Total > 0m
            ? $"Please pay {invoice.Currency} {ExportText.Grouped(invoice.Total)} by {ExportText.Text(due)} to IBAN {seller.Iban}"
              + $"{(seller.Bic is null ? string.Empty : $" (BIC {seller.Bic})")}, {seller.Name}, quoting {invoice.Number}."
            : null;

    private static void Party(StringBuilder html, string term, string name, IReadOnlyList<string> address, string? vatId)
    {
        var lines = new List<string> { name };
        lines.AddRange(address);
        if (vatId is not null)
        {
            lines.Add($"VAT ID {vatId}");
        }

        html.Append("<dt>").Append(Escape(term)).Append("</dt><dd>").Append(string.Join("<br>", lines.Select(Escape))).Append("</dd>\n");
    }

    private static void Total(StringBuilder html, string label, string amount) =>
        html.Append("<tr><td colspan=\"8\" class=\"num\">").Append(Escape(label)).Append("</td><td class=\"num\">")
            .Append(Escape(amount)).Append("</td></tr>\n");

    private static void Term(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(Escape(term)).Append("</dt><dd>").Append(Escape(value)).Append("</dd>\n");

    private static void Cell(StringBuilder html, string text, bool numeric) =>
        html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(Escape(text)).Append("</td>");

    private static string Money(string currency, decimal value) => $"{currency} {Number(value)}";

    private static string Number(decimal value) => ExportText.Grouped(value);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
