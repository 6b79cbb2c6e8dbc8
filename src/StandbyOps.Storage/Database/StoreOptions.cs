namespace StandbyOps.Storage.Database;

/// <summary>Where the embedded store keeps its file, and how long a writer waits for the lock.</summary>
public sealed record StoreOptions(string DataDirectory)
{
    /// <summary>The SQLite file name inside <see cref="DataDirectory"/>.</summary>
    public const string FileName = "standbyops.db";

    /// <summary>How long a connection waits for another writer before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), FileName);
}
