using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Intents;

public sealed class IntentRelayTests
{
    private sealed class RecordingHandler(string kind, int failuresFirst = 0) : IIntentHandler
    {
        private int _failuresLeft = failuresFirst;

        public string Kind => kind;

        public List<string> Handled { get; } = [];

        public Task HandleAsync(Intent intent, CancellationToken cancellationToken)
        {
            if (_failuresLeft-- > 0)
            {
                throw new InvalidOperationException("provider down");
            }

            Handled.Add(intent.Payload);
            return Task.CompletedTask;
        }
    }

    private static IntentRelay Relay(TempStore store, params IIntentHandler[] handlers) =>
        new(new IntentStore(store.Open()), handlers, NullLogger<IntentRelay>.Instance);

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Due_intents_are_handled_once_and_completed(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("page.send", "p1", TempStore.Epoch, TempStore.Epoch);
        var handler = new RecordingHandler("page.send");
        var relay = Relay(store, handler);

        Assert.Equal(1, await relay.RunDueAsync(TempStore.Epoch));
        Assert.Equal(0, await relay.RunDueAsync(TempStore.Epoch + Duration.FromHours(1)));

        Assert.Equal(["p1"], handler.Handled);
        Assert.Empty(await intents.PendingAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task An_intent_is_not_handled_before_it_is_due(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("escalate", "step-2", TempStore.Epoch, TempStore.Epoch + Duration.FromMinutes(10));
        var handler = new RecordingHandler("escalate");
        var relay = Relay(store, handler);

        await relay.RunDueAsync(TempStore.Epoch + Duration.FromMinutes(9));
        Assert.Empty(handler.Handled);
        Assert.Equal(TempStore.Epoch + Duration.FromMinutes(10), await intents.NextDueAsync());

        await relay.RunDueAsync(TempStore.Epoch + Duration.FromMinutes(10));
        Assert.Equal(["step-2"], handler.Handled);
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_failed_intent_is_retried_with_backoff_and_keeps_its_error(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("page.send", "p1", TempStore.Epoch, TempStore.Epoch);
        var handler = new RecordingHandler("page.send", failuresFirst: 2);
        var relay = Relay(store, handler);

        await relay.RunDueAsync(TempStore.Epoch);
        var pending = Assert.Single(await intents.PendingAsync());
        Assert.Equal("provider down", pending.LastError);
        Assert.Equal(TempStore.Epoch + Duration.FromSeconds(1), pending.DueAt);

        await relay.RunDueAsync(TempStore.Epoch + Duration.FromSeconds(1));
        Assert.Equal(TempStore.Epoch + Duration.FromSeconds(3), Assert.Single(await intents.PendingAsync()).DueAt);

        await relay.RunDueAsync(TempStore.Epoch + Duration.FromSeconds(3));
        Assert.Equal(["p1"], handler.Handled);
        Assert.Empty(await intents.PendingAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Unfinished_intents_are_redriven_by_a_relay_over_a_reopened_store(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        await store.Database.WriteAsync((c, t) => IntentStore.AddAsync(c, t, "page.send", "before-crash", TempStore.Epoch, TempStore.Epoch));
        var afterRestart = new RecordingHandler("page.send");

        await Relay(store, afterRestart).RunDueAsync(TempStore.Epoch + Duration.FromSeconds(30));

        Assert.Equal(["before-crash"], afterRestart.Handled);
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task An_intent_without_a_handler_stays_pending(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("unknown.kind", "x", TempStore.Epoch, TempStore.Epoch);

        await Relay(store).RunDueAsync(TempStore.Epoch);

        var pending = Assert.Single(await intents.PendingAsync());
        Assert.Contains("no handler", pending.LastError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_stuck_intent_holds_back_neither_other_intents_nor_is_started_twice(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("sms.send", "to-slow-provider", TempStore.Epoch, TempStore.Epoch);
        await intents.AddAsync("sla.deadline", "case-1", TempStore.Epoch, TempStore.Epoch + Duration.FromSeconds(1));
        var stuck = new BlockingHandler("sms.send");
        var deadlines = new RecordingHandler("sla.deadline");
        var relay = Relay(store, stuck, deadlines);

        var first = await relay.StartDueAsync(TempStore.Epoch);
        await stuck.Entered.Task;
        var second = await relay.StartDueAsync(TempStore.Epoch + Duration.FromSeconds(1));

        Assert.False(Assert.Single(first).IsCompleted);
        Assert.True(await Assert.Single(second));
        Assert.Equal(["case-1"], deadlines.Handled);
        Assert.Equal(1, stuck.Calls);

        stuck.Release.SetResult();
        Assert.True(await first[0]);
        await relay.DrainAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await intents.PendingAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_stop_lets_a_running_intent_finish_and_records_it_done(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("mail.send", "handed-to-smtp", TempStore.Epoch, TempStore.Epoch);
        var inFlight = new BlockingHandler("mail.send");
        using var relay = Relay(store, inFlight);
        using var stopping = new CancellationTokenSource();

        var started = await relay.StartDueAsync(TempStore.Epoch, stopping.Token);
        await inFlight.Entered.Task;
        await stopping.CancelAsync();
        var drained = relay.DrainAsync(TimeSpan.FromMinutes(1));
        Assert.False(drained.IsCompleted);
        inFlight.Release.SetResult();
        await drained;

        Assert.True(await Assert.Single(started));
        Assert.Empty(await intents.PendingAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task An_intent_still_running_when_the_stop_grace_is_over_is_cut_off_and_stays_pending(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("sms.send", "to-hung-provider", TempStore.Epoch, TempStore.Epoch);
        var hung = new BlockingHandler("sms.send");
        using var relay = Relay(store, hung);

        var started = await relay.StartDueAsync(TempStore.Epoch);
        await hung.Entered.Task;
        await relay.DrainAsync(TimeSpan.Zero);

        Assert.False(await Assert.Single(started));
        Assert.Equal("to-hung-provider", Assert.Single(await intents.PendingAsync()).Payload);
    }

    private sealed class BlockingHandler(string kind) : IIntentHandler
    {
        private int _calls;

        public string Kind => kind;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref _calls);

        public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    [Fact]
    public void Two_handlers_for_one_kind_are_rejected()
    {
        using var store = new TempStore();

        Assert.Throws<ArgumentException>(() => Relay(store, new RecordingHandler("a"), new RecordingHandler("a")));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 8)]
    [InlineData(20, 300)]
    public void Backoff_doubles_and_is_capped_at_five_minutes(int attempts, int expectedSeconds)
    {
        Assert.Equal(Duration.FromSeconds(expectedSeconds), IntentRelay.Backoff(attempts));
    }
}
