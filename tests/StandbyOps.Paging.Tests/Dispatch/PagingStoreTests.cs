using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class PagingStoreTests
{
    [Fact]
    public async Task A_step_is_recorded_once_with_its_items_and_intents()
    {
        using var paging = await PagingHarness.CreateAsync();
        var now = paging.Clock.GetCurrentInstant();
        var plan = new StepPlan([("anna", PagingHarness.Anna), ("bram", PagingHarness.Bram)], now + NodaTime.Duration.FromMinutes(5), now);
        Assert.True(await paging.Store.StartEscalationAsync("ES1", "2026-000001", EscalationRunner.StandbyMode, now, null, now, CancellationToken.None));

        Assert.True(await paging.Store.RunStepAsync("ES1", "2026-000001", 0, plan, now, CancellationToken.None));
        Assert.False(await paging.Store.RunStepAsync("ES1", "2026-000001", 0, plan, now, CancellationToken.None));

        Assert.Single(await paging.Store.WaitingItemsAsync(PagingHarness.Anna, PageChannel.Sms, CancellationToken.None));
        Assert.Single(await paging.Store.WaitingItemsAsync(PagingHarness.Bram, PageChannel.Sms, CancellationToken.None));
        var pending = await paging.Intents.PendingAsync();
        Assert.Equal(2, pending.Count(i => i.Kind == PagingIntents.Send));
        Assert.Contains(pending, i => i.Kind == PagingIntents.Step && i.Payload == PagingIntents.StepPayload("ES1", 1));
    }

    [Fact]
    public async Task An_escalation_is_started_once()
    {
        using var paging = await PagingHarness.CreateAsync();
        var now = paging.Clock.GetCurrentInstant();

        Assert.True(await paging.Store.StartEscalationAsync("ES1", "2026-000001", EscalationRunner.StandbyMode, now, null, now, CancellationToken.None));
        Assert.False(await paging.Store.StartEscalationAsync("ES1", "2026-000001", EscalationRunner.StandbyMode, now, null, now, CancellationToken.None));
        Assert.False(await paging.Store.RecordNotPagedAsync("ES1", "2026-000001", now, CancellationToken.None));
    }

    [Fact]
    public async Task Waiting_items_become_one_page_and_are_claimed_once()
    {
        using var paging = await PagingHarness.CreateAsync();
        var now = paging.Clock.GetCurrentInstant();
        await paging.Store.StartEscalationAsync("ES1", "2026-000001", EscalationRunner.StandbyMode, now, new StepPlan([("anna", PagingHarness.Anna)], null, now), now, CancellationToken.None);
        await paging.Store.StartEscalationAsync("ES2", "2026-000002", EscalationRunner.StandbyMode, now, new StepPlan([("anna", PagingHarness.Anna)], null, now), now, CancellationToken.None);
        var waiting = await paging.Store.WaitingItemsAsync(PagingHarness.Anna, PageChannel.Sms, CancellationToken.None);

        var page = await paging.Store.CreatePageAsync(PagingHarness.Anna, PageChannel.Sms, waiting, [], codes => string.Join(",", codes.Select(c => $"{c.Code}:{c.CaseNumber}")), now, CancellationToken.None);

        // Items of the same instant come in any order; each incident gets its own code.
        Assert.Equal(["1", "2"], page!.Body.Split(',').Select(p => p.Split(':')[0]).Order());
        Assert.Equal(["2026-000001", "2026-000002"], page.Body.Split(',').Select(p => p.Split(':')[1]).Order());
        Assert.Empty(await paging.Store.WaitingItemsAsync(PagingHarness.Anna, PageChannel.Sms, CancellationToken.None));
        Assert.Equal(page.Id, Assert.Single(await paging.Store.UnansweredPagesAsync(PagingHarness.Anna, PageChannel.Sms, CancellationToken.None)).Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => paging.Store.CreatePageAsync(PagingHarness.Anna, PageChannel.Sms, waiting, [], _ => "again", now, CancellationToken.None));
        await paging.Store.MarkAcceptedAsync(page.Id, "SM1", "queued", CancellationToken.None);
        Assert.Empty(await paging.Store.UnansweredPagesAsync(PagingHarness.Anna, PageChannel.Sms, CancellationToken.None));
    }
}
