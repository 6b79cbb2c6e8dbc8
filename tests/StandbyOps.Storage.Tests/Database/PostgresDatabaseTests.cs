using Dapper;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Sequences;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Database;

/// <summary>The PostgreSQL store on a real PostgreSQL server (Debian's <c>postgresql</c>), two handles standing for two nodes.</summary>
public sealed class PostgresDatabaseTests
{
    [SkippableFact]
    public async Task The_store_is_reachable_and_names_server_and_database_without_the_password()
    {
        await using var store = await TempStore.CreateAsync("postgres");

        Assert.True(await store.Database.IsReachableAsync());
        Assert.StartsWith("PostgreSQL database 'storage_", store.Database.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", store.Database.Location, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task An_unreachable_server_is_reported_not_thrown()
    {
        var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");

        Assert.False(await database.IsReachableAsync());
    }

    [SkippableFact]
    public async Task A_write_that_throws_is_rolled_back()
    {
        await using var store = await TempStore.CreateAsync("postgres");

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO sequences (name, value) VALUES ('x', 1)", transaction: t);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(0, await store.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sequences")));
    }

    [SkippableFact]
    public async Task Two_nodes_drawing_case_numbers_at_once_get_one_gap_free_sequence()
    {
        await using var store = await TempStore.CreateAsync("postgres");
        var nodes = new[] { store.Open(), store.Open() };

        var numbers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => nodes[i % 2].WriteAsync((c, t) => SequenceStore.NextAsync(c, t, "case-2026")))));

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), numbers.Order());
    }

    [SkippableFact]
    public async Task Committed_writes_are_reported_to_the_observer()
    {
        await using var store = await TempStore.CreateAsync("postgres");
        var observed = new List<TimeSpan>();
        var database = new PostgresDatabase(store.ConnectionString!, observed.Add);

        await database.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO sequences (name, value) VALUES ('y', 1)", transaction: t));

        Assert.True(Assert.Single(observed) > TimeSpan.Zero);
    }
}
