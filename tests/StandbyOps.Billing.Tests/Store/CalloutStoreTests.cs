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

    [Fact]
    public async Task A_correction_in_an_invoiced_month_is_refused_and_changes_nothing()
    {
        var store = new CalloutStore(fixture.Database, fixture.Clock);
        var added = await store.AddAsync(new CalloutValues("locked", "anna", null, Ack, Ack + Duration.FromHours(1)), _ => new YearMonth(2026, 11), CancellationToken.None);
        await fixture.Database.WriteAsync((c, t) => Dapper.SqlMapper.ExecuteAsync(
            c,
            "INSERT INTO billing_invoices (id, customer, month, status, number, snapshot, created_at, updated_at) VALUES ('x', 'locked', '2026-11', 'issued', 'INV-2026-9999', '{}', 'n', 'n')",
            transaction: t));

        var write = await store.UpdateAsync(added.Callout!.Id, new CalloutValues("locked", "bram", null, Ack, Ack + Duration.FromHours(2)), _ => new YearMonth(2026, 11), CancellationToken.None);

        Assert.Equal(CalloutWriteStatus.Invoiced, write.Status);
        Assert.Equal("anna", (await store.GetAsync(added.Callout.Id, CancellationToken.None))!.Engineer);
    }
}
