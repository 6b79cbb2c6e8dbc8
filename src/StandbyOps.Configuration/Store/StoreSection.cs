using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Store;

/// <summary>Reads <c>store:</c>.</summary>
internal static class StoreSection
{
    private static readonly string[] Keys = ["kind", "connectionString"];

    private static readonly Func<string, Parsed<StoreKind>> ParseKind =
        Choices.Of(("sqlite", StoreKind.Sqlite), ("postgres", StoreKind.Postgres));

    public static StoreConfig Read(MappingReader top)
    {
        if (top.Mapping("store", "store", Keys) is not { } store)
        {
            return StoreConfig.Embedded;
        }

        var kind = store.Parse("kind", ParseKind, StoreKind.Sqlite);
        if (kind == StoreKind.Sqlite)
        {
            if (store.Has("connectionString"))
            {
                top.Reader.Error(store.MarkOf("connectionString"), "the sqlite store takes no connectionString (it lives in --data-dir)",
                    "remove connectionString, or set kind: postgres to use a PostgreSQL server");
            }

            return StoreConfig.Embedded;
        }

        var connectionString = store.RequiredString("connectionString", "${STANDBYOPS_PG}");
        if (connectionString.Length > 0 && !IsConnectionString(connectionString))
        {
            top.Reader.Error(store.MarkOf("connectionString"), "not an Npgsql connection string",
                "write Host=...;Database=...;Username=...;Password=... (keep the password in an environment variable: ${STANDBYOPS_PG})");
        }

        return new StoreConfig(kind, connectionString);
    }

    private static bool IsConnectionString(string text)
    {
        try
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = text };
            return builder.ContainsKey("host") || builder.ContainsKey("server");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
