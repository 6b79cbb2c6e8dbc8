using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace StandbyOps.Storage.Database;

/// <summary>
/// The shared store of several nodes: one PostgreSQL database (Npgsql). Write transactions are serialized across
/// every node by a transaction-scoped advisory lock, which gives the same contract as SQLite's single writer
/// (<see cref="IDatabase.WriteAsync{T}"/>): read-then-write work such as sequence numbers and migrations cannot
/// interleave, whichever node runs it.
/// </summary>
public sealed partial class PostgresDatabase : IDatabase, IAsyncDisposable
{
    /// <summary>The advisory lock key every write transaction takes ("SBOPSWRT" as a 64-bit number).</summary>
    public const long WriteLockKey = 0x53424F5053575254;

    /// <summary>
    /// How long a claim may sit idle in its transaction (its handler running: a Twilio call with its retries takes at
    /// most about 50 s) before the server ends the session and the claim passes to another node.
    /// </summary>
    public static readonly TimeSpan ClaimIdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The bound of each statement of a claim (the claiming <c>SELECT</c>, the outcome's <c>UPDATE</c>).</summary>
    public static readonly TimeSpan ClaimStatementTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim's statement may wait for a lock (rows are skipped, not waited for; this bounds the rest).</summary>
    public static readonly TimeSpan ClaimLockTimeout = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource _dataSource;
    private readonly Action<TimeSpan>? _observeWrite;

    /// <summary>Connects to the database named by <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    /// <param name="connectionString">Host, database, user and password.</param>
    /// <param name="observeWrite">Called with the duration of every committed write transaction (metrics).</param>
    public PostgresDatabase(string connectionString, Action<TimeSpan>? observeWrite = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
        _observeWrite = observeWrite;
        InstantTypeHandler.Register();
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        T result;
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                command.Parameters.AddWithValue("key", WriteLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DiskFull)
        {
            WriteHealth.RecordFull();
            throw new StoreFullException($"The store ({Location}) is full: the write was not committed.", e);
        }

        WriteHealth.RecordCommitted();
        _observeWrite?.Invoke(Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A plain READ COMMITTED transaction without the advisory write lock; the timeouts are <c>SET LOCAL</c>, so they
    /// end with it. A claim whose process is killed loses its connection, the server aborts the transaction and the
    /// rows are free for the next node's claim; a stopped process keeps them until <see cref="ClaimIdleTimeout"/>.
    /// </remarks>
    public async Task<T> ClaimAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result;
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand(ClaimSettings, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DiskFull)
        {
            WriteHealth.RecordFull();
            throw new StoreFullException($"The store ({Location}) is full: the claim's outcome was not committed.", e);
        }

        return result;
    }

    /// <inheritdoc />
    public string RowClaim => " FOR UPDATE SKIP LOCKED";

    private static string ClaimSettings => FormattableString.Invariant(
        $"SET LOCAL statement_timeout = {(long)ClaimStatementTimeout.TotalMilliseconds}; SET LOCAL lock_timeout = {(long)ClaimLockTimeout.TotalMilliseconds}; SET LOCAL idle_in_transaction_session_timeout = {(long)ClaimIdleTimeout.TotalMilliseconds}");

    /// <inheritdoc />
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public string AdaptSchema(string ddl)
    {
        ArgumentNullException.ThrowIfNull(ddl);
        return SchemaWords().Replace(ddl, m => m.Value.ToUpperInvariant() switch
        {
            "INTEGER" => "BIGINT",
            "REAL" => "DOUBLE PRECISION",
            _ => "BYTEA",
        });
    }

    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public StoreWriteHealth WriteHealth { get; } = new();

    /// <inheritdoc />
    public async Task<bool> IsWritableAsync(CancellationToken cancellationToken = default)
    {
        if (!WriteHealth.Full)
        {
            return true;
        }

        try
        {
            // Committing (then removing) a row of a few pages proves the server has room again.
            await this.WriteAsync(async (c, t) =>
            {
                await using var insert = new NpgsqlCommand("INSERT INTO store_probe (id, filler) VALUES (1, @filler)", (NpgsqlConnection)c, (NpgsqlTransaction)t);
                insert.Parameters.AddWithValue("filler", new byte[32 * 1024]);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using var delete = new NpgsqlCommand("DELETE FROM store_probe", (NpgsqlConnection)c, (NpgsqlTransaction)t);
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreFullException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    [GeneratedRegex(@"\b(INTEGER|REAL|BLOB)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchemaWords();
}
