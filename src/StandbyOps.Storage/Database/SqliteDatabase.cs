using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StandbyOps.Storage.Database;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a write that
/// returned is on disk before the caller acknowledges anything (ARCHITECTURE.md, durability).
/// </summary>
public sealed class SqliteDatabase : IDatabase
{
    // SQLITE_FULL: the disk is full (ENOSPC), or the file reached max_page_count.
    private const int SqliteFull = 13;

    // SQLite's own ceiling for max_page_count: what "no limit" sets back on a pooled connection.
    private const long NoPageLimit = 4294967294;

    private readonly string _connectionString;
    private readonly Action<TimeSpan>? _observeWrite;
    private readonly Func<long?> _maxSizeBytes;
    private long _pageSize;

    /// <summary>Opens (and creates when missing) the store under <paramref name="options"/>' data directory.</summary>
    /// <param name="options">Where the file lives.</param>
    /// <param name="observeWrite">Called with the duration of every committed write transaction (metrics).</param>
    /// <param name="maxSizeBytes">The size the file may grow to, read at every connection open (so a reload applies it); null for no limit.</param>
    public SqliteDatabase(StoreOptions options, Action<TimeSpan>? observeWrite = null, Func<long?>? maxSizeBytes = null)
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
        _maxSizeBytes = maxSizeBytes ?? (() => null);
        InstantTypeHandler.Register();
    }

    /// <inheritdoc />
    public StoreWriteHealth WriteHealth { get; } = new();

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
        if (Volatile.Read(ref _pageSize) == 0)
        {
            pragma.CommandText = "PRAGMA page_size;";
            Volatile.Write(ref _pageSize, Convert.ToInt64(await pragma.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture));
        }

        pragma.CommandText = FormattableString.Invariant($"PRAGMA max_page_count={MaxPages()};");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private long MaxPages() =>
        _maxSizeBytes() is { } bytes && Volatile.Read(ref _pageSize) is > 0 and var page ? Math.Max(1, bytes / page) : NoPageLimit;

    /// <inheritdoc />
    /// <remarks>SQLite: <c>BEGIN IMMEDIATE</c> takes the write lock up front.</remarks>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        T result;
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            // BEGIN IMMEDIATE: take the write lock up front so read-then-write work cannot deadlock or interleave.
            await using var transaction = connection.BeginTransaction(deferred: false);
            result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteFull)
        {
            WriteHealth.RecordFull();
            throw new StoreFullException($"The store at {DatabasePath} is full: the write was not committed.", e);
        }

        WriteHealth.RecordCommitted();
        _observeWrite?.Invoke(Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <inheritdoc />
    /// <remarks>SQLite serves one node: no transaction is held (it would hold the single writer), the relay's own bookkeeping keeps an intent from running twice.</remarks>
    public async Task<T> ClaimAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, null).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public string RowClaim => string.Empty;

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
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsWritableAsync(CancellationToken cancellationToken = default)
    {
        if (!WriteHealth.Full)
        {
            return true;
        }

        try
        {
            // A row of two pages needs pages the full store cannot give; committing it (then removing it) proves there is room again.
            await this.WriteAsync(async (c, t) =>
            {
                await using var command = c.CreateCommand();
                command.Transaction = t;
                command.CommandText = FormattableString.Invariant($"INSERT INTO store_probe (filler) VALUES (zeroblob({2 * Math.Max(512, Volatile.Read(ref _pageSize))}))");
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            await this.WriteAsync(async (c, t) =>
            {
                await using var command = c.CreateCommand();
                command.Transaction = t;
                command.CommandText = "DELETE FROM store_probe";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreFullException)
        {
            return false;
        }
    }
}
