using NodaTime;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Sms;

public sealed class LogSmsSenderTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);

    private readonly InMemorySmsOutbox _outbox = new();
    private readonly FakeClock _clock = new(Start);
    private readonly ListLogger<LogSmsSender> _logger = new();

    [Fact]
    public async Task Each_sms_is_accepted_with_a_log_sequence_id_and_kept_in_the_outbox()
    {
        var sender = new LogSmsSender(_outbox, _clock, _logger);

        var first = await sender.SendAsync(new OutgoingSms("+31612345678", "one", null, "page-1"), CancellationToken.None);
        _clock.Advance(Duration.FromSeconds(5));
        var second = await sender.SendAsync(new OutgoingSms("+31623456789", "two", "https://x.example/cb", "page-2"), CancellationToken.None);

        Assert.Equal(new SmsAccepted("LOG000001", LogSmsSender.AcceptedStatus), first);
        Assert.Equal(new SmsAccepted("LOG000002", LogSmsSender.AcceptedStatus), second);
        Assert.Equal(
            [
                new OutboxMessage(1, "LOG000001", "+31612345678", "one", null, "page-1", Start),
                new OutboxMessage(2, "LOG000002", "+31623456789", "two", "https://x.example/cb", "page-2", Start + Duration.FromSeconds(5)),
            ],
            await _outbox.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_id_without_storing_again()
    {
        var sender = new LogSmsSender(_outbox, _clock, _logger);
        var sms = new OutgoingSms("+31612345678", "one", null, "page-1");

        var first = await sender.SendAsync(sms, CancellationToken.None);
        var again = await sender.SendAsync(sms, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(await _outbox.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_log_line_has_the_text_and_a_masked_number()
    {
        var sender = new LogSmsSender(_outbox, _clock, _logger);

        await sender.SendAsync(new OutgoingSms("+31612345678", "2026-000041 P1 acme/webshop", null, "page-1"), CancellationToken.None);

        var entry = Assert.Single(_logger.Entries);
        Assert.Contains("2026-000041 P1 acme/webshop", entry.Message, StringComparison.Ordinal);
        Assert.Contains("+31******678", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("+31612345678", entry.Message, StringComparison.Ordinal);
        Assert.Equal("LOG000001", entry.Values["ProviderId"]);
    }
}
