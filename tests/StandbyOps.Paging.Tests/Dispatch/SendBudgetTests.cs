using NodaTime;
using StandbyOps.Paging.Dispatch;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class SendBudgetTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 19, 0);
    private static readonly SendBudget Budget = new(3, Duration.FromMinutes(1));

    [Fact]
    public void Under_the_limit_a_phone_may_be_sent_to_now() =>
        Assert.Equal(Now, Budget.NextAllowed([Now - Duration.FromSeconds(10), Now - Duration.FromSeconds(5)], Now));

    [Fact]
    public void At_the_limit_the_next_sms_waits_until_the_oldest_leaves_the_window()
    {
        Instant[] sent = [Now - Duration.FromSeconds(50), Now - Duration.FromSeconds(20), Now - Duration.FromSeconds(5)];

        Assert.Equal(Now + Duration.FromSeconds(10), Budget.NextAllowed(sent, Now));
    }

    [Fact]
    public void Sends_older_than_the_window_do_not_count() =>
        Assert.Equal(Now, Budget.NextAllowed([Now - Duration.FromMinutes(2), Now - Duration.FromMinutes(3), Now - Duration.FromMinutes(4)], Now));

    [Fact]
    public void A_limit_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendBudget(0, Duration.FromMinutes(1)));
}
