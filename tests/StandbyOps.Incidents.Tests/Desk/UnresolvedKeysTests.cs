using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Tests.Support;
using static StandbyOps.Incidents.Tests.Support.Signals;

namespace StandbyOps.Incidents.Tests.Desk;

public sealed class UnresolvedKeysTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);
    private static readonly Actor Anna = Actor.OfEngineer("anna");

    [Fact]
    public async Task A_monitor_start_reads_the_open_and_acknowledged_keys_of_its_own_system_only()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "webshop/home"));
        var acknowledged = await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "webshop/db"));
        await harness.Desk.AcknowledgeAsync(acknowledged.Incident!.CaseNumber, Anna, Via.Api);
        var resolved = await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "webshop/tls"));
        await harness.Desk.ResolveAsync(resolved.Incident!.CaseNumber, Anna, Via.Api);
        for (var i = 0; i < 50; i++)
        {
            await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: $"portal-{i}/home", system: $"portal-{i}"));
        }

        var keys = await harness.Desk.UnresolvedKeysAsync("webshop");

        Assert.Equal(new[] { "webshop/db", "webshop/home" }, keys.Order(StringComparer.Ordinal));
        Assert.Empty(await harness.Desk.UnresolvedKeysAsync("unknown"));
    }
}
