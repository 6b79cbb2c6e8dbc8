using StandbyOps.Storage.Migrations;

namespace StandbyOps.Incidents;

/// <summary>
/// The incident desk's tables (versions 100–199). The partial unique index is what makes "one non-closed incident
/// per dedup key" hold even if two writers race; instants are fixed-width ISO text, priorities <c>P1</c>…<c>P4</c>
/// sort lexically, booleans are 0/1 integers.
/// </summary>
public static class IncidentSchema
{
    /// <summary>The desk's migrations, ascending; append only.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(100, "incidents", """
            CREATE TABLE incidents (
                case_number          TEXT PRIMARY KEY,
                dedup_key            TEXT NOT NULL,
                customer             TEXT NOT NULL,
                system               TEXT NOT NULL,
                source               TEXT NOT NULL,
                priority             TEXT NOT NULL,
                title                TEXT NOT NULL,
                state                TEXT NOT NULL,
                auto_resolve         INTEGER NOT NULL,
                opened_at            TEXT NOT NULL,
                acknowledged_at      TEXT NULL,
                acknowledged_by      TEXT NULL,
                resolved_at          TEXT NULL,
                resolved_by          TEXT NULL,
                closed_at            TEXT NULL,
                responded_at         TEXT NULL,
                response_due_at      TEXT NULL,
                resolution_due_at    TEXT NULL,
                response_breached    INTEGER NOT NULL DEFAULT 0,
                resolution_breached  INTEGER NOT NULL DEFAULT 0,
                failure_count        BIGINT NOT NULL,
                last_failure_at      TEXT NOT NULL
            );
            CREATE UNIQUE INDEX ux_incidents_dedup_not_closed ON incidents (dedup_key) WHERE state <> 'closed';
            CREATE INDEX ix_incidents_queue ON incidents (priority, opened_at);
            CREATE INDEX ix_incidents_customer_state ON incidents (customer, state);

            CREATE TABLE incident_timeline (
                case_number  TEXT NOT NULL REFERENCES incidents (case_number),
                seq          BIGINT NOT NULL,
                at           TEXT NOT NULL,
                actor        TEXT NOT NULL,
                kind         TEXT NOT NULL,
                text         TEXT NOT NULL,
                repeats      BIGINT NOT NULL DEFAULT 1,
                PRIMARY KEY (case_number, seq)
            );
            """),
    ];
}
