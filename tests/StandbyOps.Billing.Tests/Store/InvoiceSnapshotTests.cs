using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Store;
using StandbyOps.Billing.Tests.Support;

namespace StandbyOps.Billing.Tests.Store;

public sealed class InvoiceSnapshotTests
{
    [Fact]
    public void A_snapshot_read_back_renders_byte_identical_exports()
    {
        var invoice = SampleInvoice.Issued();

        var reloaded = InvoiceSnapshot.Read(InvoiceSnapshot.Write(invoice));

        Assert.Equal(InvoiceJsonExporter.Render(invoice), InvoiceJsonExporter.Render(reloaded));
        Assert.Equal(InvoiceCsvExporter.Render(invoice), InvoiceCsvExporter.Render(reloaded));
        Assert.Equal(InvoiceHtmlExporter.Render(invoice), InvoiceHtmlExporter.Render(reloaded));
        Assert.Equal(InvoicePdfExporter.Render(invoice), InvoicePdfExporter.Render(reloaded));
        Assert.Equal("NL91 ABNA 0417 1643 00", reloaded.Seller!.Iban);
        Assert.Equal(["Weg 2", "3511 AA Utrecht, NL"], reloaded.Buyer!.Address);
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 31), reloaded.DueDate);
    }

    [Fact]
    public void An_invoice_made_before_parties_existed_renders_without_them()
    {
        var invoice = SampleInvoice.Issued() with { Seller = null, Buyer = null };

        var json = System.Text.Encoding.UTF8.GetString(InvoiceJsonExporter.Render(InvoiceSnapshot.Read(InvoiceSnapshot.Write(invoice))));

        Assert.DoesNotContain("\"seller\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"servicePeriod\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dueDate\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_note_snapshot_keeps_the_cited_number_and_negated_totals()
    {
        var credit = SampleInvoice.Issued().ToCreditNote("INV-2026-0099", new NodaTime.LocalDate(2026, 12, 2));

        var reloaded = InvoiceSnapshot.Read(InvoiceSnapshot.Write(credit));

        Assert.Equal(credit.CreditedNumber, reloaded.CreditedNumber);
        Assert.Equal(credit.Total, reloaded.Total);
        Assert.True(reloaded.Total < 0m);
    }
}
