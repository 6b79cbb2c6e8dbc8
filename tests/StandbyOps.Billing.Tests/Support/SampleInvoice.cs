using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Tests.Support;

/// <summary>The invoice the export golden files are made of: each kind of line, and text that needs quoting and escaping.</summary>
internal static class SampleInvoice
{
    public static readonly InvoiceSeller Seller = new("Example MSP B.V.", ["Straat 1", "1234 AB Utrecht", "NL"], "NL123456789B01", "NL91 ABNA 0417 1643 00", "ABNANL2A", 30);

    public static Invoice Issued(int sequence = 1)
    {
        var agreed = new AgreedStandby(
            StandbyCoverage.None,
            [
                new StandbyPeriod(Standard.Local(2026, 11, 21, 10), Standard.Local(2026, 11, 21, 12)),
                new StandbyPeriod(Standard.Local(2026, 11, 24, 19), Standard.Local(2026, 11, 24, 20)),
                new StandbyPeriod(Standard.Local(2026, 11, 30, 18), Standard.Local(2026, 12, 1, 8, 30)),
            ]);
        var callouts = new[]
        {
            new Callout("Anna de Vries", "INC-2026-0042", Standard.Local(2026, 11, 24, 19, 10), Standard.Local(2026, 11, 24, 19, 35)),
            new Callout("Bram \"B\" Jansen", null, Standard.Local(2026, 11, 30, 23, 5), Standard.Local(2026, 12, 1, 0, 30)),
        };
        var request = new InvoiceRequest("acme", new YearMonth(2026, 11), Standard.NlTerms(), agreed, callouts, "ACME \"Shop\" & Co, B.V. <NL>");
        var draft = Assert.IsType<InvoiceDraftOutcome.Drafted>(InvoiceCalculator.Draft(request)).Invoice with
        {
            Seller = Seller,
            Buyer = new InvoiceParty("ACME \"Shop\" & Co, B.V.", ["Weg 2", "3511 AA Utrecht, NL"], "NL987654321B01"),
        };
        return draft.Issue(InvoiceNumber.Format(2026, sequence), new LocalDate(2026, 12, 1));
    }
}
