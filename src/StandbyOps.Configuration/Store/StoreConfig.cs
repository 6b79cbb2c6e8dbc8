namespace StandbyOps.Configuration.Store;

/// <summary>
/// <c>store:</c> settings. SQLite in the data directory unless the file says <c>kind: postgres</c>, which needs an
/// Npgsql <see cref="ConnectionString"/> (usually <c>${STANDBYOPS_PG}</c>, so the password stays out of the file).
/// </summary>
public sealed record StoreConfig(StoreKind Kind, string? ConnectionString)
{
    /// <summary>The embedded default: SQLite under <c>--data-dir</c>.</summary>
    public static readonly StoreConfig Embedded = new(StoreKind.Sqlite, null);
}
