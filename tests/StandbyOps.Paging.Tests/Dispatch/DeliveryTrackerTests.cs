using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class DeliveryTrackerTests
{
    [Fact]
    public async Task An_undelivered_report_pages_the_next_step_without_waiting_for_its_time()
    {
        using var paging = await PagingHarness.CreateAsync();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        var pages = await new StoredIncidentPages(paging.Database).PagesForAsync(caseNumber, CancellationToken.None);
        var providerId = Assert.Single(pages).ProviderId!;

        Assert.True(await paging.Deliveries.UpdateStatusAsync(providerId, "undelivered", "30003"));
        await paging.RunDueAsync();

        Assert.Contains(caseNumber, Assert.Single(paging.SmsTo(PagingHarness.Bram)), StringComparison.Ordinal);
        Assert.Empty(paging.SmsTo(PagingHarness.Chris));
    }

    [Fact]
    public async Task A_delivered_report_counts_once_and_a_later_sent_report_changes_nothing()
    {
        using var paging = await PagingHarness.CreateAsync();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        var providerId = (await new StoredIncidentPages(paging.Database).PagesForAsync(caseNumber, CancellationToken.None)).Single().ProviderId!;

        Assert.True(await paging.Deliveries.UpdateStatusAsync(providerId, "delivered", null));
        Assert.False(await paging.Deliveries.UpdateStatusAsync(providerId, "delivered", null));
        Assert.False(await paging.Deliveries.UpdateStatusAsync(providerId, "sent", null));

        var detail = await paging.Desk.GetAsync(caseNumber);
        Assert.Single(detail!.Timeline, e => e.Kind == "page-delivered");
        Assert.Equal(DeliveryStatus.Delivered, (await new StoredIncidentPages(paging.Database).PagesForAsync(caseNumber, CancellationToken.None)).Single().Status);
    }

    [Fact]
    public async Task A_report_before_the_send_answer_finds_the_page_by_its_id_and_stores_the_provider_id()
    {
        using var paging = await PagingHarness.CreateAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        paging.Sms.Hold = hold;
        var started = paging.Sms.Started.Task;
        var caseNumber = await paging.FailAsync();
        var run = paging.RunDueAsync();
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        var pageId = paging.Sms.Sent[0].IdempotencyKey;

        Assert.True(await paging.Deliveries.UpdateStatusAsync("SM-early", "failed", "30008", pageId));
        hold.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(paging.SmsTo(PagingHarness.Bram));
        Assert.Equal(DeliveryStatus.Failed, (await new StoredIncidentPages(paging.Database).PagesForAsync(caseNumber, CancellationToken.None)).Single(p => p.Engineer == "anna").Status);
    }

    [Fact]
    public async Task A_report_for_an_unknown_message_changes_nothing() =>
        Assert.False(await (await PagingHarness.CreateAsync()).Deliveries.UpdateStatusAsync("SMunknown", "delivered", null));
}
