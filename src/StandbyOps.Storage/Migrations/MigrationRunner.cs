using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Storage.Migrations;

/// <summary>Applies pending migrations at start, each in its own transaction, and records them in <c>schema_migrations</c>.</summary>
public sealed class MigrationRunner(IDatabase database, IClock clock)
{
    /// <summary>Applies what is pending and returns the versions applied now.</summary>
    /// <exception cref="InvalidOperationException">The store was written by a newer StandbyOps than this one.</exception>
    /// <exception cref="ArgumentException">Two migrations share a version.</exception>
    public async Task<IReadOnlyList<int>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var duplicates = migrations.GroupBy(m => m.Version).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException(
                "Two migrations share a version: " + string.Join("; ", duplicates.Select(g => $"{g.Key} ({string.Join(", ", g.Select(m => m.Name))})")) + ". Give each module its own version range.",
                nameof(migrations));
        }

        await database.WriteAsync((c, t) => c.ExecuteAsync(
            database.AdaptSchema("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"), transaction: t), cancellationToken).ConfigureAwait(false);

        var applied = (await database.ReadAsync(static c => c.QueryAsync<long>("SELECT version FROM schema_migrations")).ConfigureAwait(false))
            .Select(v => (int)v).ToHashSet();
        var newest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        var unknown = applied.Where(v => v > newest).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The store at '{database.Location}' has schema version {unknown.Max()} but this StandbyOps knows versions up to {newest}. Run the newer StandbyOps or restore a matching backup.");
        }

        var now = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
        {
            // Another node sharing the store may have applied it since the read above: the write lock decides, once.
            var appliedHere = await database.WriteAsync(async (c, t) =>
            {
                var already = await c.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, t).ConfigureAwait(false);
                if (already > 0)
                {
                    return false;
                }

                await c.ExecuteAsync(database.AdaptSchema(migration.Sql), transaction: t).ConfigureAwait(false);
                await c.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = clock.GetCurrentInstant() }, t).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            if (appliedHere)
            {
                now.Add(migration.Version);
            }
        }

        return now;
    }
}
