using System.Data.Common;
using Dapper;

namespace StandbyOps.Storage.Sequences;

/// <summary>
/// Durable, gap-free counters (case numbers per year, invoice numbers per year). A number is taken
/// inside the caller's write transaction, so it is never reused even across crashes.
/// </summary>
public static class SequenceStore
{
    /// <summary>Returns the next value (starting at 1) of <paramref name="name"/> within <paramref name="transaction"/>.</summary>
    public static async Task<long> NextAsync(DbConnection connection, DbTransaction transaction, string name)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await connection.ExecuteAsync(
            "INSERT INTO sequences (name, value) VALUES (@name, 0) ON CONFLICT (name) DO NOTHING", new { name }, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE sequences SET value = value + 1 WHERE name = @name", new { name }, transaction).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>("SELECT value FROM sequences WHERE name = @name", new { name }, transaction).ConfigureAwait(false);
    }
}
