using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace StandbyOps.Storage.Database;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a write that
/// returned is on disk before the caller acknowledges anything (ARCHITECTURE.md, durability).
/// </summary>
public sealed class SqliteDatabase : IDatabase
{
    private readonly string _connectionString;
    private readonly Action<TimeSpan>? _observeWrite;

    /// <summary>Opens (and creates when missing) the store under <paramref name="options"/>' data directory.</summary>
    /// <param name="options">Where the file lives.</param>
    /// <param name="observeWrite">Called with the duration of every committed write transaction (metrics).</param>
    public SqliteDatabase(StoreOptions options, Action<TimeSpan>? observeWrite = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        DatabasePath = options.DatabasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds,
        }.ToString();
        _observeWrite = observeWrite;
        InstantTypeHandler.Register();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string Location => DatabasePath;

    /// <summary>Opens a connection with the durability pragmas applied.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // journal_mode is persistent in the file; synchronous, foreign_keys and busy_timeout are per connection.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <inheritdoc />
    /// <remarks>SQLite: <c>BEGIN IMMEDIATE</c> takes the write lock up front.</remarks>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: take the write lock up front so read-then-write work cannot deadlock or interleave.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _observeWrite?.Invoke(Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <inheritdoc />
    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync<bool>(async (c, t) =>
        {
            await work(c, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public string AdaptSchema(string ddl) => ddl;

    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadAsync(async c =>
            {
                await using var command = c.CreateCommand();
                command.CommandText = "SELECT 1";
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
