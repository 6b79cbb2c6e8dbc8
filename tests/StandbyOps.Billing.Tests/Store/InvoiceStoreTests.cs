using NodaTime;
using StandbyOps.Billing.Invoices;
using StandbyOps.Billing.Standby;
using StandbyOps.Billing.Store;
using StandbyOps.Billing.Tests.Support;

namespace StandbyOps.Billing.Tests.Store;

public sealed class InvoiceStoreTests(BillingStoreFixture fixture) : IClassFixture<BillingStoreFixture>
{
    private static readonly LocalDate IssueDate = new(2026, 12, 1);

    [Fact]
    public async Task Issuing_numbers_invoices_in_sequence_within_the_issue_year()
    {
        var store = new InvoiceStore(fixture.Database, fixture.Clock);
        var first = await DraftAsync(store, "seq-a");
        var second = await DraftAsync(store, "seq-b");

        var a = await store.IssueAsync(first.Id, _ => IssueDate, CancellationToken.None);
        var b = await store.IssueAsync(second.Id, _ => IssueDate, CancellationToken.None);

        Assert.True(InvoiceNumber.TryParse(a.Invoice!.Invoice.Number, out var yearA, out var seqA));
        Assert.True(InvoiceNumber.TryParse(b.Invoice!.Invoice.Number, out _, out var seqB));
        Assert.Equal(2026, yearA);
        Assert.Equal(seqA + 1, seqB);
    }

    [Fact]
    public async Task An_issued_month_refuses_a_new_draft_until_it_is_credited()
    {
        var store = new InvoiceStore(fixture.Database, fixture.Clock);
        var draft = await DraftAsync(store, "credit-me");
        var issued = await store.IssueAsync(draft.Id, _ => IssueDate, CancellationToken.None);

        var refused = await store.SaveDraftAsync("credit-me", new YearMonth(2026, 11), (_, _) => Task.FromResult(Outcome("credit-me")), CancellationToken.None);
        var credit = await store.CreditAsync(issued.Invoice!.Id, _ => IssueDate, CancellationToken.None);
        var again = await store.SaveDraftAsync("credit-me", new YearMonth(2026, 11), (_, _) => Task.FromResult(Outcome("credit-me")), CancellationToken.None);

        Assert.Equal(InvoiceWriteStatus.Conflict, refused.Status);
        Assert.Equal(issued.Invoice.Invoice.Number, credit.Invoice!.Invoice.CreditedNumber);
        Assert.Equal(InvoiceWriteStatus.Written, again.Status);
    }

    [Fact]
    public async Task Issuing_a_month_before_it_has_ended_in_the_invoice_zone_is_a_conflict()
    {
        var store = new InvoiceStore(fixture.Database, fixture.Clock);
        var draft = await DraftAsync(store, "too-early");

        var early = await store.IssueAsync(draft.Id, _ => new LocalDate(2026, 11, 30), CancellationToken.None);
        var onTime = await store.IssueAsync(draft.Id, _ => IssueDate, CancellationToken.None);

        Assert.Equal(InvoiceWriteStatus.Conflict, early.Status);
        Assert.Contains("has not ended yet", early.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-12-01", early.Reason, StringComparison.Ordinal);
        Assert.Equal(InvoiceWriteStatus.Written, onTime.Status);
    }

    [Fact]
    public async Task Issuing_an_issued_invoice_is_a_conflict_and_keeps_its_number()
    {
        var store = new InvoiceStore(fixture.Database, fixture.Clock);
        var draft = await DraftAsync(store, "twice");
        var issued = await store.IssueAsync(draft.Id, _ => IssueDate, CancellationToken.None);

        var again = await store.IssueAsync(draft.Id, _ => IssueDate, CancellationToken.None);

        Assert.Equal(InvoiceWriteStatus.Conflict, again.Status);
        Assert.Equal(issued.Invoice!.Invoice.Number, (await store.GetAsync(draft.Id, CancellationToken.None))!.Invoice.Number);
    }

    [Fact]
    public async Task Redrafting_a_month_replaces_the_draft_under_the_same_id()
    {
        var store = new InvoiceStore(fixture.Database, fixture.Clock);
        var first = await DraftAsync(store, "redraft");

        var second = await DraftAsync(store, "redraft");

        Assert.Equal(first.Id, second.Id);
        Assert.Single(await store.ListAsync("redraft", null, null, CancellationToken.None));
    }

    private static InvoiceDraftOutcome Outcome(string customer) =>
        InvoiceCalculator.Draft(new InvoiceRequest(
            customer,
            new YearMonth(2026, 11),
            Standard.NlTerms(),
            new AgreedStandby(StandbyCoverage.None, [new StandbyPeriod(Instant.FromUtc(2026, 11, 21, 9, 0), Instant.FromUtc(2026, 11, 21, 11, 0))])));

    private static async Task<StoredInvoice> DraftAsync(InvoiceStore store, string customer)
    {
        var write = await store.SaveDraftAsync(customer, new YearMonth(2026, 11), (_, _) => Task.FromResult(Outcome(customer)), CancellationToken.None);
        Assert.Equal(InvoiceWriteStatus.Written, write.Status);
        return write.Invoice!;
    }
}
