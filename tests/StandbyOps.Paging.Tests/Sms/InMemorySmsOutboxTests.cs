using NodaTime;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Sms;

public sealed class InMemorySmsOutboxTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 14, 0);

    [Fact]
    public async Task Beyond_capacity_the_oldest_messages_are_dropped_and_numbering_continues()
    {
        var outbox = new InMemorySmsOutbox(capacity: 2);

        for (var i = 1; i <= 3; i++)
        {
            await outbox.AppendAsync(new OutgoingSms("+31612345678", $"m{i}", null, $"k{i}"), At, CancellationToken.None);
        }

        Assert.Equal(["LOG000002", "LOG000003"], (await outbox.ListAsync(CancellationToken.None)).Select(m => m.ProviderId));
    }

    [Fact]
    public async Task A_dropped_message_no_longer_blocks_its_idempotency_key()
    {
        var outbox = new InMemorySmsOutbox(capacity: 1);
        await outbox.AppendAsync(new OutgoingSms("+31612345678", "a", null, "k1"), At, CancellationToken.None);
        await outbox.AppendAsync(new OutgoingSms("+31612345678", "b", null, "k2"), At, CancellationToken.None);

        var again = await outbox.AppendAsync(new OutgoingSms("+31612345678", "a", null, "k1"), At, CancellationToken.None);

        Assert.True(again.Created);
        Assert.Equal(3, again.Message.Sequence);
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_sequence_numbers()
    {
        var outbox = new InMemorySmsOutbox();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            outbox.AppendAsync(new OutgoingSms("+31612345678", "x", null, $"k{i}"), At, CancellationToken.None).AsTask())));

        var sequences = (await outbox.ListAsync(CancellationToken.None)).Select(m => m.Sequence).Order();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), sequences);
    }
}
