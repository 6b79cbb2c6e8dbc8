using NodaTime;
using StandbyOps.Billing.Store;

namespace StandbyOps.Billing.Tests.Store;

public sealed class CalloutStoreTests(BillingStoreFixture fixture) : IClassFixture<BillingStoreFixture>
{
    private static readonly Instant Ack = Instant.FromUtc(2026, 11, 24, 18, 10);

    [Fact]
    public async Task A_repeated_acknowledgement_opens_one_callout_and_closing_ends_it()
    {
        var store = new CalloutStore(fixture.Database, fixture.Clock);

        await store.OpenAsync("open-close", "anna", "C-1", Ack, CancellationToken.None);
        await store.OpenAsync("open-close", "anna", "C-1", Ack + Duration.FromMinutes(1), CancellationToken.None);
        await store.CloseAsync("C-1", Ack + Duration.FromMinutes(25), CancellationToken.None);

        var callout = Assert.Single(await store.ListAsync("open-close", new Interval(Ack - Duration.FromDays(1), Ack + Duration.FromDays(1)), CancellationToken.None));
        Assert.Equal(Ack, callout.Start);
        Assert.Equal(Ack + Duration.FromMinutes(25), callout.End);
    }

    [Theory]
    [InlineData("2026-12-02T09:00:00Z", 2026, 12, true)]     // recorded after November was issued: a late item of December
    [InlineData("2026-12-01T08:00:00Z", 2026, 11, false)]    // recorded before: November's
    public void A_callout_that_becomes_billable_after_its_month_was_issued_is_billed_in_the_month_it_became_billable(
        string updatedAt, int year, int month, bool late)
    {
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(updatedAt).Value;
        var callout = new StoredCallout("co", "late", "anna", null, Ack, Ack + Duration.FromHours(1), at, at);
        var firstIssues = new Dictionary<YearMonth, Instant> { [new YearMonth(2026, 11)] = Instant.FromUtc(2026, 12, 1, 9, 0) };

        var billed = CalloutStore.BillingMonth(callout, firstIssues, i => { var d = i.InUtc().Date; return new YearMonth(d.Year, d.Month); });

        Assert.Equal((new YearMonth(year, month), late), billed);
    }

    [Fact]
    public async Task A_callout_of_an_invoiced_month_is_accepted()
    {
        var store = new CalloutStore(fixture.Database, fixture.Clock);
        await fixture.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(
            c,
            "INSERT INTO billing_invoices (id, customer, month, status, number, snapshot, created_at, updated_at, issued_at) VALUES ('y', 'accepted', '2026-11', 'issued', 'INV-2026-9998', '{}', 'n', 'n', '2026-12-01T09:00:00.000Z')",
            transaction: t));

        var added = await store.AddAsync(new CalloutValues("accepted", "anna", null, Ack, Ack + Duration.FromHours(1)), CancellationToken.None);

        Assert.Equal(CalloutWriteStatus.Written, added.Status);
        Assert.NotNull(await store.GetAsync(added.Callout!.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_correction_in_an_invoiced_month_is_refused_and_changes_nothing()
    {
        var store = new CalloutStore(fixture.Database, fixture.Clock);
        var added = await store.AddAsync(new CalloutValues("locked", "anna", null, Ack, Ack + Duration.FromHours(1)), CancellationToken.None);
        await fixture.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(
            c,
            "INSERT INTO billing_invoices (id, customer, month, status, number, snapshot, created_at, updated_at) VALUES ('x', 'locked', '2026-11', 'issued', 'INV-2026-9999', '{}', 'n', 'n')",
            transaction: t));

        var write = await store.UpdateAsync(added.Callout!.Id, new CalloutValues("locked", "bram", null, Ack, Ack + Duration.FromHours(2)), _ => new YearMonth(2026, 11), CancellationToken.None);

        Assert.Equal(CalloutWriteStatus.Invoiced, write.Status);
        Assert.Equal("anna", (await store.GetAsync(added.Callout.Id, CancellationToken.None))!.Engineer);
    }
}
