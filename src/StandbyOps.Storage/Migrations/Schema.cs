namespace StandbyOps.Storage.Migrations;

/// <summary>Every schema migration in order. Append only: a released migration never changes.</summary>
public static class Schema
{
    /// <summary>All migrations, ascending by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "foundation", """
            CREATE TABLE sequences (
                name        TEXT PRIMARY KEY,
                value       BIGINT NOT NULL
            );

            CREATE TABLE intents (
                id           TEXT PRIMARY KEY,
                kind         TEXT NOT NULL,
                payload      TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                due_at       TEXT NOT NULL,
                attempts     INTEGER NOT NULL DEFAULT 0,
                last_error   TEXT NULL,
                completed_at TEXT NULL
            );
            CREATE INDEX ix_intents_pending ON intents (completed_at, due_at);

            CREATE TABLE api_tokens (
                id           TEXT PRIMARY KEY,
                name         TEXT NOT NULL,
                role         TEXT NOT NULL,
                customer     TEXT NULL,
                secret_hash  TEXT NOT NULL UNIQUE,
                created_at   TEXT NOT NULL,
                created_by   TEXT NOT NULL,
                revoked_at   TEXT NULL
            );
            """),
        new(3, "store probe", """
            CREATE TABLE store_probe (
                id      INTEGER PRIMARY KEY,
                filler  BLOB NOT NULL
            );
            """),
    ];
}
