using Dapper;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Database;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Connections_use_wal_and_full_synchronous_writes()
    {
        using var store = new TempStore();
        await using var connection = await store.Sqlite.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // 2 = FULL
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task The_file_lives_in_the_data_directory()
    {
        using var store = new TempStore();

        Assert.Equal(Path.Combine(store.Directory, StoreOptions.FileName), store.Sqlite.DatabasePath);
        Assert.True(File.Exists(store.Sqlite.DatabasePath));
        Assert.True(await store.Database.IsReachableAsync());
    }

    [Fact]
    public async Task A_write_that_throws_is_rolled_back()
    {
        using var store = new TempStore();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO sequences (name, value) VALUES ('x', 1)", transaction: t);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(0, await store.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sequences")));
    }

    [Fact]
    public async Task Committed_writes_are_reported_to_the_observer()
    {
        using var store = new TempStore();
        var observed = new List<TimeSpan>();
        var database = new SqliteDatabase(new StoreOptions(store.Directory), observed.Add);

        await database.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO sequences (name, value) VALUES ('y', 1)", transaction: t));

        var duration = Assert.Single(observed);
        Assert.True(duration > TimeSpan.Zero);
    }
}
