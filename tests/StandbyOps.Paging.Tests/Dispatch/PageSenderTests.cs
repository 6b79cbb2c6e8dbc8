using NodaTime;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class PageSenderTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task What_waits_for_one_phone_goes_out_as_one_sms_with_a_code_per_incident()
    {
        using var paging = await PagingHarness.CreateAsync(groupWait: "15s");
        var first = await paging.FailAsync("webshop/home");
        var second = await paging.FailAsync("webshop/checkout");
        await paging.RunDueAsync();
        Assert.Empty(paging.Sms.Sent);

        await paging.AdvanceAsync(Duration.FromSeconds(15));

        var body = Assert.Single(paging.SmsTo(PagingHarness.Anna));
        Assert.Contains(first, body, StringComparison.Ordinal);
        Assert.Contains(second, body, StringComparison.Ordinal);
        Assert.Contains("#1", body, StringComparison.Ordinal);
        Assert.Contains("#2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_in_flight_holds_no_caller_for_the_same_phone_and_what_arrived_meanwhile_follows_it()
    {
        using var paging = await PagingHarness.CreateAsync();
        var first = await paging.FailAsync("webshop/home");
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        paging.Sms.Hold = hold;
        var started = paging.Sms.Started.Task;
        var firstRun = paging.Relay.RunDueAsync(paging.Clock.GetCurrentInstant());
        await started.WaitAsync(WaitLimit);

        // The provider has not answered the first page; a second incident for the same phone is started and sent
        // without waiting for it: its caller returns while the first SMS is still in flight.
        var second = await paging.FailAsync("webshop/checkout");
        await paging.Relay.RunDueAsync(paging.Clock.GetCurrentInstant()).WaitAsync(WaitLimit);
        Assert.False(hold.Task.IsCompleted);
        Assert.Single(paging.Sms.Sent);

        paging.Sms.Hold = null;
        hold.SetResult();
        await firstRun.WaitAsync(WaitLimit);

        var sent = paging.SmsTo(PagingHarness.Anna);
        Assert.Equal(2, sent.Count);
        Assert.Contains(first, sent[0], StringComparison.Ordinal);
        Assert.DoesNotContain(second, sent[0], StringComparison.Ordinal);
        Assert.Contains(second, sent[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_intent_that_meets_a_send_at_once_leaves_one_behind_so_a_crash_mid_send_loses_no_page()
    {
        using var paging = await PagingHarness.CreateAsync();
        var caseNumber = await paging.FailAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        paging.Sms.Hold = hold;
        var started = paging.Sms.Started.Task;
        // The paging start sends at once (no group wait) and the provider does not answer: the start owns anna's phone.
        var start = paging.Relay.RunDueAsync(paging.Clock.GetCurrentInstant());
        await started.WaitAsync(WaitLimit);

        // The durable send intent written with the escalation runs meanwhile, finds the phone owned and is marked done.
        await paging.Relay.RunDueAsync(paging.Clock.GetCurrentInstant()).WaitAsync(WaitLimit);
        var behind = Assert.Single(await paging.Intents.PendingAsync(), i => i.Kind == PagingIntents.Send);
        Assert.Equal((PagingHarness.Anna, paging.Clock.GetCurrentInstant() + Duration.FromSeconds(1)), (behind.Payload, behind.DueAt));

        // The process dies before the provider's answer is recorded; after the restart the page goes out again, once.
        paging.Sms.Hold = null;
        using var restarted = await paging.RestartAsync();
        await restarted.AdvanceAsync(Duration.FromSeconds(1));
        var sent = paging.SmsTo(PagingHarness.Anna);
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0], sent[1]);
        Assert.Contains(caseNumber, sent[1], StringComparison.Ordinal);
        Assert.Single(paging.Sms.Sent.Select(s => s.IdempotencyKey).Distinct());
        Assert.DoesNotContain(await restarted.Intents.PendingAsync(), i => i.Kind == PagingIntents.Send);

        hold.SetResult();
        await start.WaitAsync(WaitLimit);
    }

    [Fact]
    public async Task A_transient_failure_keeps_the_page_and_it_is_sent_again_with_the_same_key()
    {
        using var paging = await PagingHarness.CreateAsync();
        paging.Sms.Enqueue(new SmsTransientFailure("Twilio 503", null));
        paging.Sms.Enqueue(new SmsTransientFailure("Twilio 503", null));
        await paging.FailAsync();

        // The start's own send and the durable send intent both meet the outage.
        await paging.RunDueAsync();
        Assert.Equal(2, paging.Sms.Sent.Count);

        // The relay retries the send intent after its backoff: the same page, the same key.
        await paging.AdvanceAsync(Duration.FromSeconds(5));
        Assert.Equal(3, paging.Sms.Sent.Count);
        Assert.Single(paging.Sms.Sent.Select(s => s.IdempotencyKey).Distinct());
        await paging.AdvanceAsync(Duration.FromMinutes(1));
        Assert.Equal(3, paging.SmsTo(PagingHarness.Anna).Count);
    }

    [Fact]
    public async Task A_permanent_failure_pages_the_next_step_at_once()
    {
        using var paging = await PagingHarness.CreateAsync();
        paging.Sms.Enqueue(new SmsPermanentFailure(21211, "Twilio 400 error 21211: invalid number"));
        var caseNumber = await paging.FailAsync();

        await paging.RunDueAsync();

        Assert.Contains(caseNumber, Assert.Single(paging.SmsTo(PagingHarness.Bram)), StringComparison.Ordinal);
        var pages = await new StoredIncidentPages(paging.Database).PagesForAsync(caseNumber, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Failed, pages.Single(p => p.Engineer == "anna").Status);
    }

    [Fact]
    public async Task The_per_phone_budget_merges_what_is_over_it_into_a_later_sms()
    {
        using var paging = await PagingHarness.CreateAsync();
        for (var i = 1; i <= 4; i++)
        {
            await paging.FailAsync($"webshop/check{i}");
            await paging.RunDueAsync();
        }

        Assert.Equal(3, paging.SmsTo(PagingHarness.Anna).Count);
        await paging.AdvanceAsync(Duration.FromMinutes(1));
        Assert.Equal(4, paging.SmsTo(PagingHarness.Anna).Count);
    }
}
