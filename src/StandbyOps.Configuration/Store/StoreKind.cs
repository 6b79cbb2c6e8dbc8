namespace StandbyOps.Configuration.Store;

/// <summary>Which durable store the server uses: the embedded SQLite file (one node) or a shared PostgreSQL server.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
