using Dapper;
using StandbyOps.Storage.Migrations;
using StandbyOps.Storage.Tests.Support;

namespace StandbyOps.Storage.Tests.Migrations;

public sealed class MigrationRunnerTests
{
    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Applying_twice_applies_each_migration_once_and_records_it(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var again = await new MigrationRunner(store.Open(), store.Clock).ApplyAsync(Schema.Migrations);

        Assert.Empty(again);
        var recorded = await store.Database.ReadAsync(c => c.QueryAsync<(long Version, string Name, string AppliedAt)>("SELECT version, name, applied_at FROM schema_migrations"));
        Assert.Equal(Schema.Migrations.Select(m => (long)m.Version), recorded.Select(r => r.Version).Order());
        var row = Assert.Single(recorded, r => r.Version == 1);
        Assert.Equal("foundation", row.Name);
        Assert.Equal("2026-11-20T14:00:00.000Z", row.AppliedAt);
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_new_migration_is_applied_on_the_next_start(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var next = Schema.Migrations.Append(new Migration(99, "probe", "CREATE TABLE probe (id TEXT PRIMARY KEY)")).ToList();

        var applied = await new MigrationRunner(store.Open(), store.Clock).ApplyAsync(next);

        Assert.Equal([99], applied);
        Assert.Equal(0, await store.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe")));
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_store_from_a_newer_version_is_refused_with_a_clear_error(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        await new MigrationRunner(store.Open(), store.Clock).ApplyAsync([.. Schema.Migrations, new Migration(7, "future", "SELECT 1")]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new MigrationRunner(store.Open(), store.Clock).ApplyAsync(Schema.Migrations));

        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task A_failing_migration_leaves_nothing_half_applied(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var broken = Schema.Migrations.Append(new Migration(2, "broken", "CREATE TABLE half (id TEXT); INSERT INTO nowhere VALUES (1);")).ToList();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => new MigrationRunner(store.Open(), store.Clock).ApplyAsync(broken));

        Assert.False(await store.TableExistsAsync("half"));
        Assert.Equal(0, await store.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = 2")));
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Two_migrations_with_one_version_are_refused_before_anything_runs(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var clash = Schema.Migrations.Concat([new Migration(50, "a", "CREATE TABLE a (id TEXT)"), new Migration(50, "b", "CREATE TABLE b (id TEXT)")]).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new MigrationRunner(store.Open(), store.Clock).ApplyAsync(clash));

        Assert.Contains("50 (a, b)", error.Message, StringComparison.Ordinal);
        Assert.False(await store.TableExistsAsync("a"));
        Assert.False(await store.TableExistsAsync("b"));
    }

    [SkippableTheory]
    [MemberData(nameof(TempStore.Kinds), MemberType = typeof(TempStore))]
    public async Task Nodes_starting_at_once_apply_each_migration_once(string kind)
    {
        await using var store = await TempStore.CreateAsync(kind);
        var next = Schema.Migrations.Concat([
            new Migration(97, "probe-a", "CREATE TABLE probe_a (id TEXT PRIMARY KEY)"),
            new Migration(98, "probe-b", "CREATE TABLE probe_b (id TEXT PRIMARY KEY)"),
        ]).ToList();

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new MigrationRunner(store.Open(), store.Clock).ApplyAsync(next))));

        Assert.Equal([97, 98], applied.SelectMany(a => a).Order());
        Assert.Equal(Schema.Migrations.Count + 2, await store.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations")));
    }
}
