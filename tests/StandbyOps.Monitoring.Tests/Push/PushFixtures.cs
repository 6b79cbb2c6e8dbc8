using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using StandbyOps.Configuration;
using StandbyOps.Monitoring.Push;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.Push;

/// <summary>A configuration with push rules and Alertmanager routes for two customers, and a migrated store in a temp directory.</summary>
internal static class PushFixtures
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);

    public const string Yaml = """
        calendars:
          nl: { timeZone: Europe/Amsterdam, hours: { mon-fri: "08:30-17:00" }, holidays: [NL] }
        rateCards:
          std: { currency: EUR, hourlyRate: 100, vatPercent: 21 }
        customers:
          acme:
            calendar: nl
            rateCard: std
            systems:
              webshop:
                criticality: high
                pushRules:
                  disk-free:
                    job: node
                    metric: node_filesystem_avail_bytes
                    labels: { mountpoint: "/" }
                    below: 1e9
                    for: 5m
                    priority: P2
                  load-high:
                    job: node
                    metric: node_load1
                    above: 10
                  node-silent:
                    job: node
                    absentFor: 10m
                alertmanager:
                  match: { customer: acme, system: webshop }
              database:
                criticality: critical
                alertmanager:
                  match: { customer: acme, system: webshop, component: db }
          globex:
            calendar: nl
            rateCard: std
            systems:
              portal:
                criticality: low
                pushRules:
                  disk-free-portal:
                    job: node
                    metric: node_filesystem_avail_bytes
                    below: 1e9
                alertmanager:
                  match: { customer: globex }
        """;

    public static StandbyOpsConfig Config { get; } = ConfigLoader.Load(Yaml, "standbyops.yaml", _ => null).GetConfigOrThrow();

    /// <summary>A store file with every migration applied; dispose the directory to delete it.</summary>
    public static async Task<SqliteDatabase> DatabaseAsync(TempDirectory directory)
    {
        var database = new SqliteDatabase(new StoreOptions(directory.File("data")));
        await new MigrationRunner(database, new FakeClock(Start)).ApplyAsync([.. Schema.Migrations, .. PushSchema.Migrations]);
        return database;
    }

    public static PushGroupStore Store(SqliteDatabase database, IClock clock) => new(database, clock, NullLogger<PushGroupStore>.Instance);
}
