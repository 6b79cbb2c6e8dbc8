using System.Data.Common;

namespace StandbyOps.Storage.Database;

/// <summary>
/// The store as its callers see it: durable write transactions and reads over plain ADO.NET connections. Callers
/// depend on this, never on SQLite, and write portable SQL (TEXT ids, ISO-8601 instants, <c>ON CONFLICT</c>, BIGINT),
/// so a PostgreSQL implementation can replace <see cref="SqliteDatabase"/> without touching them.
/// </summary>
public interface IDatabase
{
    /// <summary>Where the data lives, for logs and errors (a file path, or a server and database name).</summary>
    string Location { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits it; the commit is durable when this returns.
    /// Writers are serialized, so read-then-write sequences such as sequence numbers cannot interleave.
    /// </summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> in a claim: a transaction that does NOT take the write lock of
    /// <see cref="WriteAsync{T}"/>, whose row locks (a <c>SELECT</c> ending in <see cref="RowClaim"/>) stay held while
    /// <paramref name="work"/> runs — even while it calls <see cref="WriteAsync{T}"/> on other connections — and end when
    /// it commits, or when the connection dies. PostgreSQL bounds each statement and how long the claim may sit idle
    /// (<see cref="PostgresDatabase.ClaimIdleTimeout"/>). SQLite (one node) holds no transaction: the transaction is
    /// null, and whatever <paramref name="work"/> records goes through <see cref="WriteAsync{T}"/>.
    /// </summary>
    Task<T> ClaimAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// What a <c>SELECT</c> inside <see cref="ClaimAsync{T}"/> ends with to claim the rows it returns and skip rows
    /// another node holds: <c> FOR UPDATE SKIP LOCKED</c> on PostgreSQL, nothing on SQLite.
    /// </summary>
    string RowClaim { get; }

    /// <summary>Runs a read on its own connection.</summary>
    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// A migration's portable DDL as this engine needs it. The schema is written once, in SQLite's words; PostgreSQL
    /// reads <c>INTEGER</c>, <c>REAL</c> and <c>BLOB</c> as <c>BIGINT</c>, <c>DOUBLE PRECISION</c> and <c>BYTEA</c>, so
    /// both engines return the same 64-bit integers, doubles and bytes.
    /// </summary>
    string AdaptSchema(string ddl);

    /// <summary>True when the store answers a trivial query (readiness).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether writes currently commit; a write refused for lack of space throws <see cref="StoreFullException"/>.</summary>
    StoreWriteHealth WriteHealth { get; }

    /// <summary>
    /// True when a write can commit (readiness). While the last write failed for lack of space this commits a
    /// page-sized probe row (and removes it), so readiness returns by itself once space does.
    /// </summary>
    Task<bool> IsWritableAsync(CancellationToken cancellationToken = default);
}
