using NodaTime;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Dispatch;

/// <summary>
/// Two nodes on one real PostgreSQL database and one SMS provider: while one node delivers to a phone it holds the
/// phone's claim, so the other never delivers the same page and leaves what it has for that phone to a moment later.
/// </summary>
public sealed class PhoneClaimTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task A_page_in_flight_on_one_node_is_not_sent_again_by_the_other_and_what_the_other_had_follows_once()
    {
        using var nodeA = await PagingHarness.CreateOnPostgresAsync();
        using var nodeB = await nodeA.NodeAsync();
        var first = await nodeA.FailAsync("webshop/home");
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeA.Sms.Hold = hold;
        var started = nodeA.Sms.Started.Task;
        var runA = nodeA.Relay.RunDueAsync(nodeA.Clock.GetCurrentInstant());
        await started.WaitAsync(WaitLimit);

        // Node A waits for the provider with its page written and unanswered. Node B opens a second incident for the
        // same engineer and runs everything due, including A's send intent for the phone: nothing goes out from B.
        var second = await nodeB.FailAsync("webshop/checkout");
        await nodeB.RunDueAsync().WaitAsync(WaitLimit);
        Assert.Single(nodeA.Sms.Sent);

        nodeA.Sms.Hold = null;
        hold.SetResult();
        Assert.Equal(1, await runA.WaitAsync(WaitLimit));
        nodeA.Clock.Advance(Duration.FromSeconds(1));
        await Task.WhenAll(nodeA.RunDueAsync(), nodeB.RunDueAsync()).WaitAsync(WaitLimit);
        await Task.WhenAll(nodeA.RunDueAsync(), nodeB.RunDueAsync()).WaitAsync(WaitLimit);

        var sent = nodeA.SmsTo(PagingHarness.Anna);
        Assert.Equal(2, sent.Count);
        Assert.Contains(first, sent[0], StringComparison.Ordinal);
        Assert.DoesNotContain(second, sent[0], StringComparison.Ordinal);
        Assert.Contains(second, sent[1], StringComparison.Ordinal);
        Assert.DoesNotContain(first, sent[1], StringComparison.Ordinal);
    }
}
