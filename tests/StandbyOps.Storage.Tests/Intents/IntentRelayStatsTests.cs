using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Intents;

/// <summary>The relay's watchdog figures: rounds, how late due work is, and outcomes per kind.</summary>
public sealed class IntentRelayStatsTests
{
    private sealed class FailingHandler(string kind) : IIntentHandler
    {
        public string Kind => kind;

        public Task HandleAsync(Intent intent, CancellationToken cancellationToken) => throw new InvalidOperationException("provider down");
    }

    private sealed class NoopHandler(string kind) : IIntentHandler
    {
        public string Kind => kind;

        public Task HandleAsync(Intent intent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_round_counts_the_due_intents_and_how_long_the_oldest_has_waited(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("sla.deadline", "a", TempStore.Epoch, TempStore.Epoch);
        await intents.AddAsync("sla.deadline", "b", TempStore.Epoch, TempStore.Epoch + Duration.FromSeconds(50));
        await intents.AddAsync("sla.deadline", "later", TempStore.Epoch, TempStore.Epoch + Duration.FromHours(1));
        var relay = new IntentRelay(new IntentStore(store.Open()), [new NoopHandler("sla.deadline")], NullLogger<IntentRelay>.Instance);

        await relay.RunDueAsync(TempStore.Epoch + Duration.FromSeconds(90));

        Assert.Equal((1L, 2L, 90.0), (relay.Stats.Rounds, relay.Stats.Due, relay.Stats.DueLagSeconds));
        Assert.Equal([("sla.deadline", IntentRelayStats.Completed, 2L)], relay.Stats.Runs);

        await relay.RunDueAsync(TempStore.Epoch + Duration.FromSeconds(91));

        Assert.Equal((2L, 0L, 0.0), (relay.Stats.Rounds, relay.Stats.Due, relay.Stats.DueLagSeconds));
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Failed_runs_and_intents_without_a_handler_count_as_failed_per_kind(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var intents = new IntentStore(store.Database);
        await intents.AddAsync("paging.send", "p1", TempStore.Epoch, TempStore.Epoch);
        await intents.AddAsync("unknown.kind", "x", TempStore.Epoch, TempStore.Epoch);
        var relay = new IntentRelay(new IntentStore(store.Open()), [new FailingHandler("paging.send")], NullLogger<IntentRelay>.Instance);

        await relay.RunDueAsync(TempStore.Epoch);
        await relay.RunDueAsync(TempStore.Epoch + Duration.FromSeconds(1));

        Assert.Equal(
            [("paging.send", IntentRelayStats.Failed, 2L), ("unknown.kind", IntentRelayStats.Failed, 1L)],
            relay.Stats.Runs);
    }
}
