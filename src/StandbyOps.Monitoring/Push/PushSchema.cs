using StandbyOps.Storage.Migrations;

namespace StandbyOps.Monitoring.Push;

/// <summary>The push ingest's tables (monitoring range 200–299): pushed groups, their customers' revisions, push rule states and evaluation claims.</summary>
public static class PushSchema
{
    /// <summary>The migrations, ascending by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(240, "push groups and push rule states", """
            CREATE TABLE push_groups (
                customer      TEXT NOT NULL,
                grouping_key  TEXT NOT NULL,
                labels        TEXT NOT NULL,
                body          TEXT NOT NULL,
                pushed_at     TEXT NOT NULL,
                failed_at     TEXT NULL,
                created_at    TEXT NOT NULL,
                PRIMARY KEY (customer, grouping_key)
            );

            CREATE TABLE push_rule_states (
                system_id        TEXT NOT NULL,
                rule_id          TEXT NOT NULL,
                customer         TEXT NOT NULL,
                threshold_since  TEXT NULL,
                missing_since    TEXT NULL,
                firing           INTEGER NOT NULL,
                changed_at       TEXT NOT NULL,
                PRIMARY KEY (system_id, rule_id)
            );
            """),
        new(241, "push customers' revisions and push rule evaluation claims", """
            CREATE TABLE push_customers (
                customer  TEXT NOT NULL PRIMARY KEY,
                revision  INTEGER NOT NULL
            );

            INSERT INTO push_customers (customer, revision) SELECT DISTINCT customer, 1 FROM push_groups;

            CREATE TABLE push_rule_claims (
                customer  TEXT NOT NULL PRIMARY KEY
            );
            """),
    ];
}
