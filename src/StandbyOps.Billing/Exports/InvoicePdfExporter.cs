using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Pdf;

namespace StandbyOps.Billing.Exports;

/// <summary>
/// Renders an invoice as an A4 PDF a customer can pay: seller and customer blocks with their VAT ids, invoice, service
/// period and due dates, the lines, the totals and the payment instruction. Rendered from the invoice alone (for an
/// issued invoice: its frozen snapshot), dated by its issue date and identified by its number, so the same issued
/// invoice always gives the same bytes.
/// </summary>
public static class InvoicePdfExporter
{
    private static readonly PdfColumn[] Columns =
    [
        new("Description", 0, 150),
        new("Local start", 154, 68),
        new("Local end", 226, 68),
        new("Hours", 298, 44, Right: true),
        new("Billed h", 344, 36, Right: true),
        new("Rate", 382, 40, Right: true),
        new("%", 424, 24, Right: true),
        new("Amount", 450, 45, Right: true),
    ];

    /// <summary>The PDF's bytes.</summary>
    public static byte[] Render(Invoice invoice)
    {
        Preconditions.NotNull(invoice, nameof(invoice));
        var title = ExportText.Title(invoice);
        var dated = invoice.IssueDate ?? invoice.ServiceFrom;
        var created = new DateTimeOffset(dated.Year, dated.Month, dated.Day, 0, 0, 0, TimeSpan.Zero);
        using var document = StablePdf.Create($"{title} — {invoice.CustomerName}", invoice.Seller?.Name ?? "StandbyOps", created);
        using (var layout = new PdfLayout(document, $"{title} · {invoice.Buyer?.Name ?? invoice.CustomerName}"))
        {
            layout.Title(title);
            Parties(layout, invoice);
            layout.Gap();
            Facts(layout, invoice);
            layout.Gap();
            layout.Table(Columns);
            foreach (var line in invoice.Lines)
            {
                layout.Row(
                [
                    ExportText.Description(line),
                    ExportText.Text(line.LocalStart).Replace('T', ' '),
                    ExportText.Text(line.LocalEnd).Replace('T', ' '),
                    ExportText.Grouped(ExportText.Hours(ExportText.Measured(line))),
                    ExportText.Grouped(ExportText.Hours(line.BilledMinutes)),
                    ExportText.Grouped(ExportText.Rate(line.HourlyRate)),
                    ExportText.Text(ExportText.Percent(line.RatePercent)),
                    ExportText.Grouped(line.Amount),
                ]);
            }

            layout.EndTable();
            layout.Table([new("", 0, 380), new($"Amounts in {invoice.Currency}", 380, 115, Right: true)]);
            layout.Row(["Subtotal", ExportText.Grouped(invoice.Subtotal)]);
            layout.Row([$"VAT {ExportText.Text(ExportText.Percent(invoice.VatPercent))}%", ExportText.Grouped(invoice.Vat)]);
            layout.Row(["Total", $"{invoice.Currency} {ExportText.Grouped(invoice.Total)}"], bold: true);
            layout.EndTable();
            if (InvoiceHtmlExporter.Payment(invoice) is { } payment)
            {
                layout.Gap();
                layout.Text(payment);
            }

            layout.Gap();
            layout.Text($"Local times in {invoice.TimeZone}. Hours: agreed standby inside the window, or worked time of a callout; rounded to two decimals for display, amounts are computed from exact minutes.");
        }

        return StablePdf.Save(document, invoice.Number ?? $"draft-{invoice.Customer}-{ExportText.Text(invoice.Month)}");
    }

    private static void Parties(PdfLayout layout, Invoice invoice)
    {
        var seller = invoice.Seller is { } s ? Party("From", s.Name, s.Address, s.VatId) : ["From", "(no seller configured)"];
        var buyer = invoice.Buyer is { } b ? Party("Bill to", b.Name, b.Address, b.VatId) : ["Bill to", invoice.CustomerName];
        layout.Blocks(seller, buyer);
    }

    private static List<string> Party(string heading, string name, IReadOnlyList<string> address, string? vatId)
    {
        var lines = new List<string> { heading, name };
        lines.AddRange(address);
        if (vatId is not null)
        {
            lines.Add($"VAT ID {vatId}");
        }

        return lines;
    }

    private static void Facts(PdfLayout layout, Invoice invoice)
    {
        var left = new List<string> { "Invoice" };
        left.Add($"Number: {invoice.Number ?? "none (draft)"}");
        if (invoice.IssueDate is { } issued)
        {
            left.Add($"Invoice date: {ExportText.Text(issued)}");
        }

        if (invoice.DueDate is { } due)
        {
            left.Add($"Due date: {ExportText.Text(due)}");
        }

        if (invoice.CreditedNumber is { } credited)
        {
            left.Add($"Credits invoice: {credited}");
        }

        var right = new List<string>
        {
            "Service",
            $"Service period: {ExportText.Text(invoice.ServiceFrom)} – {ExportText.Text(invoice.ServiceTo)}",
            $"Customer: {invoice.Customer}",
            $"Currency: {invoice.Currency}",
        };
        if (invoice.Seller is { } seller)
        {
            right.Add($"Payment terms: {seller.PaymentTermsDays} days");
        }

        layout.Blocks(left, right);
    }
}
