using StandbyOps.Paging.Dispatch;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class DeliveryStatusTests
{
    [Fact]
    public void A_late_sent_after_delivered_keeps_delivered() =>
        Assert.Equal(DeliveryStatus.Delivered, DeliveryStatus.Advance(DeliveryStatus.Delivered, "sent"));

    [Fact]
    public void Sent_moves_a_queued_page_forward() =>
        Assert.Equal("sent", DeliveryStatus.Advance("queued", "sent"));

    [Fact]
    public void Undelivered_after_sent_is_taken_and_counts_as_failure()
    {
        var next = DeliveryStatus.Advance("sent", "UNDELIVERED");

        Assert.Equal(DeliveryStatus.Undelivered, next);
        Assert.True(DeliveryStatus.IsFailure(next));
    }

    [Fact]
    public void An_unknown_status_never_replaces_a_known_one() =>
        Assert.Equal("queued", DeliveryStatus.Advance("queued", "teleported"));

    [Fact]
    public void No_sequence_of_reports_moves_a_final_status()
    {
        string[] statuses = ["accepted", "queued", "sending", "sent", "delivered", "undelivered", "failed", "pending"];
        foreach (var final in new[] { "delivered", "undelivered", "failed" })
        {
            foreach (var reported in statuses)
            {
                Assert.Equal(final, DeliveryStatus.Advance(final, reported));
            }
        }
    }
}
