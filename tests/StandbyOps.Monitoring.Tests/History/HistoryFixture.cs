using NodaTime;
using StandbyOps.Monitoring.History;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Support;

namespace StandbyOps.Monitoring.Tests.History;

/// <summary>A recorder on a real SQLite file (or PostgreSQL database) and a hand-moved clock; check <c>cert</c> does not count for its system.</summary>
internal sealed class HistoryFixture : IDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 0, 0);

    private readonly TempDirectory _directory;

    private HistoryFixture(TempDirectory directory, IDatabase database)
    {
        _directory = directory;
        Database = database;
        Store = new CheckHistoryStore(database);
        Recorder = new CheckHistoryRecorder(Store, Clock, (_, check) => check != "cert");
        Board = new SystemStatusBoard(Recorder);
    }

    public IDatabase Database { get; }

    public SettableClock Clock { get; } = new(Start);

    public CheckHistoryStore Store { get; }

    public CheckHistoryRecorder Recorder { get; }

    public SystemStatusBoard Board { get; }

    /// <summary>A fixture on SQLite, or (<paramref name="kind"/> <c>postgres</c>) on a database of its own on the test run's real PostgreSQL.</summary>
    public static async Task<HistoryFixture> CreateAsync(string kind = "sqlite")
    {
        var directory = new TempDirectory();
        IDatabase database = kind == "postgres"
            ? new PostgresDatabase(await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("history"))
            : new SqliteDatabase(new StoreOptions(directory.Path));
        await new MigrationRunner(database, new SettableClock(Start)).ApplyAsync([.. Schema.Migrations, .. CheckHistorySchema.Migrations]);
        return new HistoryFixture(directory, database);
    }

    /// <summary>Publishes a check result on the board at the clock's now.</summary>
    public void Check(string id, string state, double? latencySeconds = 0.1) =>
        Board.Set("shop", new MonitorStatus(id, "check", state, Clock.Now, state == "down" ? "503" : "200", latencySeconds, Clock.Now));

    public async Task<Dictionary<string, SeriesTotals>> TotalsAsync(Instant from, Instant to) =>
        (await Store.TotalsAsync(["shop"], from, to)).ToDictionary(t => t.CheckId);

    public void Dispose()
    {
        Recorder.Dispose();
        _directory.Dispose();
    }
}
