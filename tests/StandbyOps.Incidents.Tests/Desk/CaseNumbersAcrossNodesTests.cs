using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Sla;
using StandbyOps.Incidents.Tests.Support;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Components;
using static StandbyOps.Incidents.Tests.Support.Signals;

namespace StandbyOps.Incidents.Tests.Desk;

/// <summary>Three nodes (three desks, each on its own <see cref="PostgresDatabase"/> handle) over one real PostgreSQL database.</summary>
public sealed class CaseNumbersAcrossNodesTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 14, 0);

    [SkippableFact]
    public async Task Two_hundred_incidents_opened_at_once_on_three_nodes_get_gap_free_unique_case_numbers()
    {
        var nodes = await NodesAsync(3);

        var changes = await Task.WhenAll(Enumerable.Range(1, 200).Select(i =>
            Task.Run(() => nodes[i % 3].HandleFailureAsync(Failure(At, dedupKey: $"system-{i}/home", system: $"system-{i}")))));

        Assert.All(changes, c => Assert.Equal(IncidentChangeKind.Opened, c.Kind));
        Assert.Equal(
            Enumerable.Range(1, 200).Select(n => $"2026-{n:D6}"),
            changes.Select(c => c.Incident!.CaseNumber).Order(StringComparer.Ordinal));
        Assert.Equal(200, (await nodes[1].ListAsync(IncidentFilter.All)).Count);
    }

    [SkippableFact]
    public async Task One_failing_system_reported_by_three_nodes_at_once_opens_one_incident()
    {
        var nodes = await NodesAsync(3);

        var changes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => nodes[i % 3].HandleFailureAsync(Failure(At, dedupKey: "webshop/home")))));

        Assert.Single(changes, c => c.Kind == IncidentChangeKind.Opened);
        var incident = Assert.Single(await nodes[0].ListAsync(IncidentFilter.All));
        Assert.Equal(("2026-000001", 30), (incident.CaseNumber, incident.FailureCount));
    }

    private static async Task<List<IncidentDesk>> NodesAsync(int count)
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("cases");
        var clock = new FakeClock(At);
        var config = TestContracts.Load();
        var nodes = new List<IncidentDesk>();
        for (var i = 0; i < count; i++)
        {
            // A bounded pool per node (the test server allows 300 connections for the whole run); waiting for it is fine.
            var database = new PostgresDatabase(connectionString + ";Maximum Pool Size=20;Timeout=120");
            await new MigrationRunner(database, clock).ApplyAsync([.. Schema.Migrations, .. IncidentSchema.Migrations]);
            nodes.Add(new IncidentDesk(
                database, clock, new IncidentSlaPolicy(config, new NoStandbyPeriods()), new IncidentMetrics(Prometheus.Metrics.NewCustomRegistry()),
                new NoIncidentPages(), Array.Empty<IIncidentObserver>(), new IncidentDeskOptions(), NullLogger<IncidentDesk>.Instance));
        }

        return nodes;
    }
}
