using System.Text;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Tests.Support;

namespace StandbyOps.Billing.Tests.Exports;

public class InvoicePdfExporterTests
{
    [Fact]
    public void The_same_issued_invoice_renders_to_the_same_bytes_on_every_call()
    {
        var invoice = SampleInvoice.Issued();

        var first = InvoicePdfExporter.Render(invoice);
        var second = InvoicePdfExporter.Render(SampleInvoice.Issued());

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(first, 0, 5));
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_document_is_dated_by_the_issue_date_and_identified_by_the_number()
    {
        var pdf = Encoding.Latin1.GetString(InvoicePdfExporter.Render(SampleInvoice.Issued()));

        Assert.Contains("/CreationDate(D:20261201000000Z)", pdf, StringComparison.Ordinal);
        Assert.Contains("/ModDate(D:20261201000000Z)", pdf, StringComparison.Ordinal);
        // Another invoice gets another file identifier.
        var other = Encoding.Latin1.GetString(InvoicePdfExporter.Render(SampleInvoice.Issued(sequence: 2)));
        Assert.NotEqual(Id(pdf), Id(other));
    }

    private static string Id(string pdf)
    {
        var at = pdf.IndexOf("/ID", StringComparison.Ordinal);
        Assert.True(at >= 0, "the trailer has no /ID");
        return pdf.Substring(at, 80);
    }
}
