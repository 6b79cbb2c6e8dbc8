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
