using System.Data.Common;

namespace StandbyOps.Storage.Database;

/// <summary>The write without a result, once for every store engine.</summary>
public static class DatabaseWrites
{
    /// <summary>Runs <paramref name="work"/> in one write transaction of <paramref name="database"/> without a result.</summary>
    public static Task WriteAsync(this IDatabase database, Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(work);
        return database.WriteAsync<bool>(async (c, t) =>
        {
            await work(c, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
