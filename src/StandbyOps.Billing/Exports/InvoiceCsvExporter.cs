using System.Text;
using StandbyOps.Billing.Invoices;

namespace StandbyOps.Billing.Exports;

/// <summary>Renders invoices as RFC 4180 CSV for finance: UTF-8 without BOM, CRLF, one header row, invariant culture.</summary>
/// <remarks>
/// One row per invoice line (kind <c>standby</c> or <c>callout</c>), then three summary rows per invoice (kind
/// <c>subtotal</c>, <c>vat</c>, <c>total</c>) whose amount is that total. Every row repeats the invoice columns,
/// so the CSV of many invoices is one table under one header. Columns: docs/invoice-csv.md.
/// </remarks>
public static class InvoiceCsvExporter
{
    /// <summary>The header, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "invoice", "type", "status", "issueDate", "credits", "customer", "customerName", "month", "timeZone", "currency",
        "line", "kind", "category", "localStart", "localEnd", "start", "end",
        "agreedHours", "agreedMinutes", "workedHours", "workedMinutes", "billedHours", "billedMinutes",
        "ratePercent", "hourlyRate", "amount", "caseNumber", "engineer",
        "late", "servicePeriodFrom", "servicePeriodTo", "dueDate", "customerLegalName", "customerAddress", "customerVatId",
        "sellerName", "sellerAddress", "sellerVatId", "sellerIban", "sellerBic", "paymentTermsDays",
    ];

    private const string LineEnd = "\r\n";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>One invoice with its header row.</summary>
    public static byte[] Render(Invoice invoice) => Render([Preconditions.NotNull(invoice, nameof(invoice))]);

    /// <summary>Several invoices (e.g. a month for all customers) under one header row, in the order given.</summary>
    public static byte[] Render(IEnumerable<Invoice> invoices)
    {
        Preconditions.NotNull(invoices, nameof(invoices));
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        foreach (var invoice in invoices)
        {
            Preconditions.NotNull(invoice, nameof(invoices));
            AppendInvoice(csv, invoice);
        }

        return Utf8NoBom.GetBytes(csv.ToString());
    }

    private static void AppendInvoice(StringBuilder csv, Invoice invoice)
    {
        var number = 0;
        foreach (var line in invoice.Lines)
        {
            number++;
            var standby = line as StandbyLine;
            var callout = line as CalloutLine;
            AppendRow(csv, Invoice(invoice).Concat(
            [
                ExportText.Text(number),
                ExportText.Name(line.Kind),
                ExportText.Name(line.Category),
                ExportText.Text(line.LocalStart),
                ExportText.Text(line.LocalEnd),
                ExportText.Text(line.Start),
                ExportText.Text(line.End),
                standby is null ? string.Empty : ExportText.Text(ExportText.Hours(standby.AgreedMinutes)),
                standby is null ? string.Empty : ExportText.Text(standby.AgreedMinutes),
                callout is null ? string.Empty : ExportText.Text(ExportText.Hours(callout.WorkedMinutes)),
                callout is null ? string.Empty : ExportText.Text(callout.WorkedMinutes),
                ExportText.Text(ExportText.Hours(line.BilledMinutes)),
                ExportText.Text(line.BilledMinutes),
                ExportText.Text(ExportText.Percent(line.RatePercent)),
                ExportText.Text(ExportText.Rate(line.HourlyRate)),
                ExportText.Text(ExportText.Money(line.Amount)),
                callout?.CaseNumber ?? string.Empty,
                callout?.Engineer ?? string.Empty,
                line.Late ? "true" : "false",
            ]).Concat(Parties(invoice)));
        }

        AppendTotal(csv, invoice, "subtotal", string.Empty, invoice.Subtotal);
        AppendTotal(csv, invoice, "vat", ExportText.Text(ExportText.Percent(invoice.VatPercent)), invoice.Vat);
        AppendTotal(csv, invoice, "total", string.Empty, invoice.Total);
    }

    private static void AppendTotal(StringBuilder csv, Invoice invoice, string kind, string ratePercent, decimal amount)
    {
        var row = Invoice(invoice).ToList();
        row.AddRange([string.Empty, kind]);
        row.AddRange(Enumerable.Repeat(string.Empty, 11));
        row.AddRange([ratePercent, string.Empty, ExportText.Text(ExportText.Money(amount)), string.Empty, string.Empty, string.Empty]);
        row.AddRange(Parties(invoice));
        AppendRow(csv, row);
    }

    private static string[] Invoice(Invoice invoice) =>
    [
        invoice.Number ?? string.Empty,
        ExportText.Name(invoice.Type),
        ExportText.Name(invoice.Status),
        invoice.IssueDate is { } date ? ExportText.Text(date) : string.Empty,
        invoice.CreditedNumber ?? string.Empty,
        invoice.Customer,
        invoice.CustomerName,
        ExportText.Text(invoice.Month),
        invoice.TimeZone,
        invoice.Currency,
    ];

    /// <summary>The service period, due date, customer and seller blocks; address lines joined with "; ".</summary>
    private static string[] Parties(Invoice invoice) =>
    [
        ExportText.Text(invoice.ServiceFrom),
        ExportText.Text(invoice.ServiceTo),
        invoice.DueDate is { } due ? ExportText.Text(due) : string.Empty,
        invoice.Buyer?.Name ?? string.Empty,
        invoice.Buyer is { } buyer ? string.Join("; ", buyer.Address) : string.Empty,
        invoice.Buyer?.VatId ?? string.Empty,
        invoice.Seller?.Name ?? string.Empty,
        invoice.Seller is { } seller ? string.Join("; ", seller.Address) : string.Empty,
        invoice.Seller?.VatId ?? string.Empty,
        invoice.Seller?.Iban ?? string.Empty,
        invoice.Seller?.Bic ?? string.Empty,
        invoice.Seller is { } terms ? ExportText.Text(terms.PaymentTermsDays) : string.Empty,
    ];

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        var count = 0;
        foreach (var field in fields)
        {
            if (count++ > 0)
            {
                csv.Append(',');
            }

            AppendField(csv, field);
        }

        if (count != Columns.Count)
        {
            throw new InvalidOperationException($"A CSV row has {count} fields instead of {Columns.Count}.");
        }

        csv.Append(LineEnd);
    }

    private static void AppendField(StringBuilder csv, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            csv.Append(field);
            return;
        }

        csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
