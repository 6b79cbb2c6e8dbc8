using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Incidents;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Intents;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Support;

namespace StandbyOps.Desk.Tests;

/// <summary>The desk as the server wires it (DI), over a real SQLite file, with a clock that moves only when told and the intent relay run by hand.</summary>
public sealed class DeskHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services;

    private DeskHarness(string yaml, Instant start, Action<IServiceCollection>? configure)
    {
        Clock = new ManualClock(start);
        var config = ConfigLoader.Load(yaml, "standbyops.yaml", _ => null).GetConfigOrThrow();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton(config);
        services.AddSingleton(new StoreOptions(_directory.Path));
        services.AddSingleton<IDatabase>(sp => new SqliteDatabase(sp.GetRequiredService<StoreOptions>()));
        services.AddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<IntentStore>();
        services.AddSingleton<IntentRelay>();
        services.AddIncidents();
        services.AddDesk();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public ManualClock Clock { get; }

    public IServiceProvider Services => _services;

    public IncidentDesk Incidents => _services.GetRequiredService<IncidentDesk>();

    /// <param name="configure">Adds to or replaces the server's registrations (e.g. another in-transaction observer).</param>
    public static async Task<DeskHarness> StartAsync(string yaml, Instant start, Action<IServiceCollection>? configure = null)
    {
        var harness = new DeskHarness(yaml, start, configure);
        await new MigrationRunner(harness._services.GetRequiredService<IDatabase>(), harness.Clock)
            .ApplyAsync([.. Schema.Migrations, .. IncidentSchema.Migrations, .. DeskSchema.Migrations]);
        return harness;
    }

    /// <summary>Moves the clock to <paramref name="now"/> and runs every intent due by then (except sending mail), as the relay service would.</summary>
    public async Task AdvanceToAsync(Instant now)
    {
        Clock.Now = now;
        await _services.GetRequiredService<IntentRelay>().RunDueAsync(now);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory.Dispose();
    }
}
