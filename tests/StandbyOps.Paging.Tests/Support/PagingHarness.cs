using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents;
using StandbyOps.Incidents.Closing;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Pages;
using StandbyOps.Incidents.Signals;
using StandbyOps.Incidents.Sla;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Notices;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Support;

namespace StandbyOps.Paging.Tests.Support;

/// <summary>
/// Paging over a real SQLite file: the desk, the store, the escalation runner, the page sender, the delivery tracker and the
/// intent relay with every handler, on a fake clock (Tuesday 20:00 in Amsterdam, inside acme's agreed standby). The desk
/// has no observers unless a test adds paging's: a process that died right after each desk commit. On PostgreSQL
/// (<see cref="CreateOnPostgresAsync"/>) <see cref="NodeAsync"/> adds another node on the same database, clock and SMS provider.
/// </summary>
public sealed class PagingHarness : IDisposable
{
    public const string Anna = "+31612345678";
    public const string Bram = "+31623456789";
    public const string Chris = "+31634567890";

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 24, 19, 0);

    private readonly TempDirectory _directory = new();
    private readonly List<IIncidentObserver> _observers = [];
    private readonly List<IIncidentTransactionObserver> _inTransaction = [];

    private readonly string? _connectionString;

    private PagingHarness(string groupWait, IReadOnlyList<string>? escalation, bool allClear, string? yaml, string? connectionString = null, PagingHarness? firstNode = null)
    {
        _connectionString = connectionString;
        Clock = firstNode?.Clock ?? new FakeClock(Start);
        Sms = firstNode?.Sms ?? new RecordingSmsSender();
        Config = ConfigLoader.Load(
            yaml ?? ConfigBlocks.Document(
                ConfigBlocks.LogSmsServer,
                calendars: ConfigBlocks.NlOfficeCalendar,
                rateCards: ConfigBlocks.StandardRateCard(),
                teams: ConfigBlocks.OpsNlTeam(
                    engineers: [.. ConfigBlocks.AnnaAndBram, ConfigBlocks.Engineer("chris", "Chris Smit", Chris)],
                    escalation: escalation ?? [ConfigBlocks.OnCallStep, ConfigBlocks.Step("5m", "backup"), ConfigBlocks.Step("10m", "[chris]")],
                    groupWait: groupWait) + (allClear ? "\n    allClear: true" : string.Empty),
                customers: ConfigBlocks.AcmeCustomer()),
            "standbyops.yaml",
            _ => null).GetConfigOrThrow();
        Database = connectionString is null ? new SqliteDatabase(new StoreOptions((firstNode?._directory ?? _directory).Path)) : new PostgresDatabase(connectionString);
        var sla = new IncidentSlaPolicy(Config, new NoStandbyPeriods());
        Desk = new IncidentDesk(Database, Clock, sla, new IncidentMetrics(Prometheus.Metrics.NewCustomRegistry()), new NoIncidentPages(), _observers, new IncidentDeskOptions(), NullLogger<IncidentDesk>.Instance, _inTransaction);
        Store = new PagingStore(Database);
        var notes = new PagingNotes(Desk, Store, Clock);
        var metrics = new PagingMetrics(Prometheus.Metrics.NewCustomRegistry());
        var options = new PagingOptions();
        Sender = new PageSender(Store, Clock, Desk, () => Config, Sms, Calls, notes, options, metrics, NullLogger<PageSender>.Instance);
        Escalations = new EscalationRunner(Store, Clock, Desk, sla, () => Config, Sender, notes, new NoCalloutRecorder(), new ConfiguredRotas(), options, metrics, NullLogger<EscalationRunner>.Instance);
        Deliveries = new DeliveryTracker(Store, Clock, notes, options, metrics);
        AllClear = new AllClearSender(Store, Clock, Desk, () => Config, Sms, notes, options, NullLogger<AllClearSender>.Instance);
        VoiceCalls = new VoiceCallHandler(Store, new PagedEngineerActions(Database, Desk), () => Config);
        Intents = new IntentStore(Database);
        Relay = new IntentRelay(
            Intents,
            [
                new SlaDeadlineHandler(Desk, SlaKind.Response), new SlaDeadlineHandler(Desk, SlaKind.Resolution), new AutoCloseHandler(Desk),
                new PagingStartHandler(Escalations), new EscalationStepHandler(Escalations), new PageSendHandler(Sender),
                new PageCallHandler(Sender), new AllClearHandler(AllClear),
                new SlaWarningHandler(Desk, SlaKind.Response), new SlaWarningHandler(Desk, SlaKind.Resolution),
                new HoursOpenHandler(Escalations), new NoticeSmsHandler(Sms, NullLogger<NoticeSmsHandler>.Instance),
            ],
            NullLogger<IntentRelay>.Instance);
    }

    public FakeClock Clock { get; }

    public StandbyOpsConfig Config { get; }

    public IDatabase Database { get; }

    public IncidentDesk Desk { get; }

    public PagingStore Store { get; }

    public RecordingSmsSender Sms { get; }

    public RecordingCallSender Calls { get; } = new();

    public AllClearSender AllClear { get; }

    public VoiceCallHandler VoiceCalls { get; }

    public PageSender Sender { get; }

    public EscalationRunner Escalations { get; }

    public DeliveryTracker Deliveries { get; }

    public IntentStore Intents { get; }

    public IntentRelay Relay { get; }

    /// <summary>A harness; <paramref name="escalation"/> replaces the team's steps, <paramref name="allClear"/> sets its <c>allClear</c>.</summary>
    /// <param name="yaml">A whole configuration instead of the default one (acme in standby, anna/bram/chris).</param>
    public static Task<PagingHarness> CreateAsync(string groupWait = "0s", IReadOnlyList<string>? escalation = null, bool allClear = false, string? yaml = null) =>
        MigratedAsync(new PagingHarness(groupWait, escalation, allClear, yaml));

    /// <summary>Paging on a database of its own on the test run's real PostgreSQL server.</summary>
    public static async Task<PagingHarness> CreateOnPostgresAsync(string groupWait = "0s") =>
        await MigratedAsync(new PagingHarness(groupWait, null, false, null, await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("paging")));

    /// <summary>A second node: its own store handle, relay and senders on this harness's PostgreSQL database, clock and SMS provider.</summary>
    public Task<PagingHarness> NodeAsync(string groupWait = "0s") =>
        MigratedAsync(new PagingHarness(groupWait, null, false, null, _connectionString ?? throw new InvalidOperationException("Nodes share a PostgreSQL database."), this));

    /// <summary>
    /// The same store after a crash (on SQLite; a process that died leaves nothing in memory): a new store handle, relay
    /// and senders on this harness's file, clock and SMS provider.
    /// </summary>
    public Task<PagingHarness> RestartAsync(string groupWait = "0s") =>
        MigratedAsync(new PagingHarness(groupWait, null, false, null, _connectionString, this));

    private static async Task<PagingHarness> MigratedAsync(PagingHarness harness)
    {
        await new MigrationRunner(harness.Database, harness.Clock).ApplyAsync([.. Schema.Migrations, .. IncidentSchema.Migrations, .. PagingSchema.Migrations]);
        return harness;
    }

    /// <summary>Lets the desk tell paging about acknowledgements, resolutions and closes, as the running server does.</summary>
    public void ObserveDesk() => _observers.Add(new PagingObserver(Escalations, AllClear, new PagingOptions(), NullLogger<PagingObserver>.Instance));

    /// <summary>Lets paging text the paged engineers about SLA warnings and breaches (written in the desk's transaction), as the running server does.</summary>
    public void NotifySla() => _inTransaction.Add(new SlaNoticeWriter(() => Config));

    /// <summary>A failure of <paramref name="dedupKey"/> now; returns the case number.</summary>
    public async Task<string> FailAsync(string dedupKey = "webshop/home") =>
        (await Desk.HandleFailureAsync(new FailureSignal("acme", "webshop", SignalSource.Check, dedupKey, Priority.P1, $"{dedupKey} is down", "HTTP 503", Clock.GetCurrentInstant(), AutoResolve: true))).Incident!.CaseNumber;

    public Task RecoverAsync(string dedupKey = "webshop/home") =>
        Desk.HandleRecoveryAsync(new RecoverySignal("acme", "webshop", SignalSource.Check, dedupKey, "HTTP 200 twice", Clock.GetCurrentInstant()));

    /// <summary>Runs every intent due now (again and again while running them makes more due now), as the relay service would.</summary>
    public async Task RunDueAsync()
    {
        while (await Relay.RunDueAsync(Clock.GetCurrentInstant()) > 0)
        {
        }
    }

    public async Task AdvanceAsync(Duration by)
    {
        Clock.Advance(by);
        await RunDueAsync();
    }

    public IReadOnlyList<string> SmsTo(string phone) => [.. Sms.Sent.Where(s => s.To == phone).Select(s => s.Body)];

    public void Dispose() => _directory.Dispose();
}
