using StandbyOps.Configuration.Store;

namespace StandbyOps.Configuration.Tests.Store;

public sealed class StoreSectionTests
{
    [Fact]
    public void Without_a_store_block_the_store_is_the_embedded_sqlite_file()
    {
        var config = Loading.Load("server: { publicUrl: \"http://127.0.0.1:8080\" }\n").Valid();

        Assert.Equal(StoreConfig.Embedded, config.Store);
    }

    [Fact]
    public void A_postgres_store_takes_its_connection_string_from_the_environment()
    {
        var config = Loading.Load("""
            store:
              kind: postgres
              connectionString: ${STANDBYOPS_PG}
            """, new Dictionary<string, string> { ["STANDBYOPS_PG"] = "Host=db;Database=standbyops;Username=app;Password=secret" }).Valid();

        Assert.Equal(new StoreConfig(StoreKind.Postgres, "Host=db;Database=standbyops;Username=app;Password=secret"), config.Store);
    }

    [Fact]
    public void A_postgres_store_without_a_connection_string_is_an_error_at_the_block_naming_the_key()
    {
        var result = Loading.Load("""
            server: { publicUrl: "http://127.0.0.1:8080" }
            store:
              kind: postgres
            """);

        result.SingleError().AssertAt(2, ["missing 'connectionString' in store"], ["${STANDBYOPS_PG}"]);
    }

    [Fact]
    public void A_connection_string_that_names_no_host_is_an_error_with_the_expected_shape()
    {
        var result = Loading.Load("""
            store:
              kind: postgres
              connectionString: "standbyops"
            """);

        result.SingleError().AssertAt(3, ["not an Npgsql connection string"], ["Host=...;Database="]);
    }

    [Fact]
    public void A_connection_string_for_the_sqlite_store_is_an_error()
    {
        var result = Loading.Load("""
            store:
              kind: sqlite
              connectionString: "Host=db"
            """);

        result.SingleError().AssertAt(3, ["takes no connectionString"], ["kind: postgres"]);
    }

    [Fact]
    public void An_unknown_store_kind_is_an_error_listing_the_kinds()
    {
        var result = Loading.Load("""
            store:
              kind: mysql
            """);

        result.SingleError().AssertAt(2, ["invalid kind 'mysql' in store"], ["sqlite, postgres"]);
    }
}
