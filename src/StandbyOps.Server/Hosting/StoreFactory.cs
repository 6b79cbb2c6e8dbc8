using StandbyOps.Configuration.Store;
using StandbyOps.Storage.Database;

namespace StandbyOps.Server.Hosting;

/// <summary>Opens the store the configuration names: SQLite under the data directory, or the shared PostgreSQL database.</summary>
public static class StoreFactory
{
    /// <summary>
    /// The store of <paramref name="store"/>; <paramref name="observeWrite"/> sees every committed write's duration and
    /// <paramref name="maxSizeBytes"/> caps the SQLite file (<c>server.storeMaxSize</c>; PostgreSQL's limit is its disk).
    /// </summary>
    public static IDatabase Open(StoreConfig store, string dataDirectory, Action<TimeSpan>? observeWrite = null, Func<long?>? maxSizeBytes = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Kind switch
        {
            StoreKind.Postgres => new PostgresDatabase(store.ConnectionString!, observeWrite),
            _ => new SqliteDatabase(new StoreOptions(dataDirectory), observeWrite, maxSizeBytes),
        };
    }
}
