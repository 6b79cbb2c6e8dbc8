using NodaTime;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;

namespace StandbyOps.Storage.Tests.Support;

/// <summary>A migrated SQLite file in a fresh temp directory, deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), "standbyops-tests", Guid.NewGuid().ToString("N"));
        Database = Open();
        new MigrationRunner(Database, Clock).ApplyAsync(Schema.Migrations).GetAwaiter().GetResult();
    }

    public static readonly Instant Epoch = Instant.FromUtc(2026, 11, 20, 14, 0);

    public string Directory { get; }

    public SqliteDatabase Database { get; }

    public FixedClock Clock { get; } = new(Epoch);

    /// <summary>A second handle on the same file, as a restarted process would open it.</summary>
    public SqliteDatabase Open() => new(new StoreOptions(Directory));

    public void Dispose()
    {
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
