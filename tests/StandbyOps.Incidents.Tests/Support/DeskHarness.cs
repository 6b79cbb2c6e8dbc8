using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Incidents.Closing;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Sla;
using StandbyOps.Metrics.Exposition;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Support;

namespace StandbyOps.Incidents.Tests.Support;

/// <summary>A desk over a real SQLite file in a temp directory, a fake clock and the outbox relay with the desk's handlers.</summary>
public sealed class DeskHarness : IDisposable
{
    private readonly TempDirectory _directory = new();

    private DeskHarness(Instant start, IStandbyPeriodSource? periods, IncidentDeskOptions? options, IReadOnlyList<IIncidentObserver> observers)
    {
        Clock = new FakeClock(start);
        Config = TestContracts.Load();
        Database = new SqliteDatabase(new StoreOptions(_directory.Path));
        Metrics = Prometheus.Metrics.NewCustomRegistry();
        Sla = new IncidentSlaPolicy(Config, periods ?? new NoStandbyPeriods());
        Desk = new IncidentDesk(Database, Clock, Sla, new IncidentMetrics(Metrics), new NoIncidentPages(), observers, options ?? new IncidentDeskOptions(), NullLogger<IncidentDesk>.Instance);
        Intents = new IntentStore(Database);
        Relay = new IntentRelay(
            Intents,
            [new SlaDeadlineHandler(Desk, SlaKind.Response), new SlaDeadlineHandler(Desk, SlaKind.Resolution), new AutoCloseHandler(Desk)],
            NullLogger<IntentRelay>.Instance);
    }

    public FakeClock Clock { get; }

    public StandbyOpsConfig Config { get; }

    public SqliteDatabase Database { get; }

    public Prometheus.CollectorRegistry Metrics { get; }

    public IncidentSlaPolicy Sla { get; }

    public IncidentDesk Desk { get; }

    public IntentStore Intents { get; }

    public IntentRelay Relay { get; }

    public static async Task<DeskHarness> CreateAsync(
        Instant start,
        IStandbyPeriodSource? periods = null,
        IncidentDeskOptions? options = null,
        params IIncidentObserver[] observers)
    {
        var harness = new DeskHarness(start, periods, options, observers);
        await new MigrationRunner(harness.Database, harness.Clock).ApplyAsync([.. Schema.Migrations, .. IncidentSchema.Migrations]);
        return harness;
    }

    /// <summary>Moves the clock to <paramref name="now"/> and runs every intent due by then, as the relay service would.</summary>
    public async Task<int> AdvanceToAsync(Instant now)
    {
        Clock.Now = now;
        return await Relay.RunDueAsync(now);
    }

    public async Task<Incident> IncidentAsync(string caseNumber) =>
        (await Desk.GetAsync(caseNumber))?.Incident ?? throw new InvalidOperationException($"No incident {caseNumber}.");

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string caseNumber) =>
        (await Desk.GetAsync(caseNumber))?.Timeline ?? throw new InvalidOperationException($"No incident {caseNumber}.");

    /// <summary>The value of one series in the registry, or null when it was never written.</summary>
    public double? MetricValue(string family, params (string Name, string Value)[] labels)
    {
        var found = ScrapeWriter.CollectAsync(Metrics, CancellationToken.None).GetAwaiter().GetResult().SingleOrDefault(f => f.Name == family);
        var sample = found?.Samples.SingleOrDefault(s => labels.All(l => s.Labels.Get(l.Name) == l.Value));
        return sample?.Value;
    }

    public void Dispose() => _directory.Dispose();
}
