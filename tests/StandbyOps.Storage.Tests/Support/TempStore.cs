using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Testing.Components;

namespace StandbyOps.Storage.Tests.Support;

/// <summary>
/// A migrated store of either kind, fresh for one test: a SQLite file in a temp directory (deleted on dispose), or a
/// database of its own on the test run's real PostgreSQL server.
/// </summary>
public sealed class TempStore : IAsyncDisposable, IDisposable
{
    /// <summary>The store kinds every portable store test runs on.</summary>
    public static TheoryData<string> Kinds => ["sqlite", "postgres"];

    public static readonly Instant Epoch = Instant.FromUtc(2026, 11, 20, 14, 0);

    private readonly string? _connectionString;

    /// <summary>A SQLite store (the embedded default).</summary>
    public TempStore()
        : this("sqlite", null)
    {
    }

    private TempStore(string kind, string? connectionString)
    {
        Kind = kind;
        _connectionString = connectionString;
        Directory = Path.Combine(Path.GetTempPath(), "standbyops-tests", Guid.NewGuid().ToString("N"));
        Database = Open();
        new MigrationRunner(Database, Clock).ApplyAsync(Schema.Migrations).GetAwaiter().GetResult();
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Kind { get; }

    public string Directory { get; }

    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? ConnectionString => _connectionString;

    public IDatabase Database { get; }

    /// <summary>The SQLite handle, for tests of SQLite itself.</summary>
    public SqliteDatabase Sqlite => (SqliteDatabase)Database;

    public FixedClock Clock { get; } = new(Epoch);

    /// <summary>Creates a migrated store of <paramref name="kind"/>.</summary>
    public static async Task<TempStore> CreateAsync(string kind) => kind switch
    {
        "sqlite" => new TempStore(),
        "postgres" => new TempStore(kind, await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("storage")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "sqlite or postgres"),
    };

    /// <summary>A second handle on the same store, as a restarted process (or a second node) would open it.</summary>
    public IDatabase Open() => _connectionString is null ? new SqliteDatabase(new StoreOptions(Directory)) : new PostgresDatabase(_connectionString);

    /// <summary>True when a table of that name exists.</summary>
    public Task<bool> TableExistsAsync(string table) => Database.ReadAsync(async c => await c.ExecuteScalarAsync<long>(
        Kind == "sqlite"
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = @table",
        new { table }) > 0);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_connectionString is not null)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leaked handle on some platforms; the temp folder is cleaned by the OS.
        }
    }
}

public sealed class FixedClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
