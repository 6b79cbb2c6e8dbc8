using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Invoices;
using static StandbyOps.Billing.Tests.Support.Drafting;
using static StandbyOps.Billing.Tests.Support.Standard;

namespace StandbyOps.Billing.Tests.Invoices;

public class InvoiceTests
{
    private static readonly LocalDate IssueDate = new(2026, 12, 1);

    private static Invoice NovemberDraft() => Draft(
        new YearMonth(2026, 11),
        [Agreed(Local(2026, 11, 24, 19), Local(2026, 11, 24, 20))],
        [new Callout("anna", "INC-1", Local(2026, 11, 24, 19, 10), Local(2026, 11, 24, 19, 35))]);

    [Fact]
    public void Issuing_a_draft_numbers_it_and_keeps_lines_and_totals()
    {
        var draft = NovemberDraft();

        var issued = draft.Issue("INV-2026-0001", IssueDate);

        Assert.Equal((InvoiceStatus.Issued, "INV-2026-0001", (LocalDate?)IssueDate), (issued.Status, issued.Number, issued.IssueDate));
        Assert.Equal(draft.Lines, issued.Lines);
        Assert.Equal((draft.Subtotal, draft.Vat, draft.Total), (issued.Subtotal, issued.Vat, issued.Total));
    }

    [Fact]
    public void An_issued_invoice_cannot_be_issued_again()
    {
        var issued = NovemberDraft().Issue("INV-2026-0001", IssueDate);

        Assert.Throws<InvalidOperationException>(() => issued.Issue("INV-2026-0002", IssueDate));
    }

    [Fact]
    public void Issuing_under_a_malformed_number_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => NovemberDraft().Issue("2026-1", IssueDate));
    }

    [Fact]
    public void An_issued_invoice_keeps_its_amounts_when_the_rate_card_changes_later()
    {
        var issued = NovemberDraft().Issue("INV-2026-0001", IssueDate);

        var redrafted = Draft(
            new YearMonth(2026, 11),
            [Agreed(Local(2026, 11, 24, 19), Local(2026, 11, 24, 20))],
            [new Callout("anna", "INC-1", Local(2026, 11, 24, 19, 10), Local(2026, 11, 24, 19, 35))],
            StandardCard(hourlyRate: 120m));

        Assert.Equal(363.00m, issued.Total);
        Assert.Equal(435.60m, redrafted.Total);
    }

    [Fact]
    public void A_credit_note_negates_every_line_and_total_and_cites_the_original()
    {
        var issued = NovemberDraft().Issue("INV-2026-0001", IssueDate);

        var credit = issued.ToCreditNote("INV-2026-0002", new LocalDate(2026, 12, 5));

        Assert.Equal((InvoiceType.CreditNote, "INV-2026-0001"), (credit.Type, credit.CreditedNumber));
        Assert.Equal(issued.Lines.Select(l => -l.Amount), credit.Lines.Select(l => l.Amount));
        Assert.Equal(issued.Lines.Select(l => -l.BilledMinutes), credit.Lines.Select(l => l.BilledMinutes));
        Assert.Equal(-25, Assert.IsType<CalloutLine>(credit.Lines[1]).WorkedMinutes);
        Assert.Equal((-300.00m, -63.00m, -363.00m), (credit.Subtotal, credit.Vat, credit.Total));
    }

    [Fact]
    public void A_draft_cannot_be_credited()
    {
        Assert.Throws<InvalidOperationException>(() => NovemberDraft().ToCreditNote("INV-2026-0002", IssueDate));
    }

    [Fact]
    public void Reloading_a_snapshot_whose_subtotal_is_not_the_sum_of_its_lines_is_rejected()
    {
        var draft = NovemberDraft();

        Assert.Throws<ArgumentException>(() => new Invoice(
            draft.Type, draft.Status, null, null, null, draft.Customer, draft.CustomerName, draft.Month, draft.TimeZone,
            draft.Currency, draft.VatPercent, draft.Lines, draft.Subtotal + 1m, draft.Vat, draft.Total + 1m));
    }

    [Fact]
    public void Reloading_a_snapshot_whose_total_is_not_subtotal_plus_vat_is_rejected()
    {
        var draft = NovemberDraft();

        Assert.Throws<ArgumentException>(() => new Invoice(
            draft.Type, draft.Status, null, null, null, draft.Customer, draft.CustomerName, draft.Month, draft.TimeZone,
            draft.Currency, draft.VatPercent, draft.Lines, draft.Subtotal, draft.Vat, draft.Total + 0.01m));
    }
}
