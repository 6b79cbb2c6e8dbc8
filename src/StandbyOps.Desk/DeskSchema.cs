using StandbyOps.Storage.Migrations;

namespace StandbyOps.Desk;

/// <summary>
/// The service desk's tables (versions 1400–1499). A ticket from a person is an incident like any other; this
/// keeps what only such tickets have (channel, reporter, description), keyed by the incident's dedup key.
/// </summary>
public static class DeskSchema
{
    /// <summary>The desk's migrations, ascending; append only.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1400, "desk tickets", """
            CREATE TABLE desk_tickets (
                dedup_key       TEXT PRIMARY KEY,
                channel         TEXT NOT NULL,
                reporter        TEXT NOT NULL,
                reporter_email  TEXT NULL,
                description     TEXT NOT NULL,
                opened_by       TEXT NOT NULL,
                created_at      TEXT NOT NULL
            );
            """),
        new(1401, "desk mail", """
            CREATE TABLE desk_updates_sent (
                case_number  TEXT NOT NULL,
                number       INTEGER NOT NULL,
                sent_at      TEXT NOT NULL,
                PRIMARY KEY (case_number, number)
            );
            CREATE TABLE desk_mail_seen (
                folder        TEXT NOT NULL,
                uid_validity  BIGINT NOT NULL,
                uid           BIGINT NOT NULL,
                message_id    TEXT NOT NULL,
                outcome       TEXT NOT NULL,
                seen_at       TEXT NOT NULL,
                PRIMARY KEY (folder, uid_validity, uid)
            );
            CREATE INDEX ix_desk_mail_seen_message ON desk_mail_seen (message_id);
            CREATE TABLE desk_triage (
                id            TEXT PRIMARY KEY,
                message_id    TEXT NOT NULL UNIQUE,
                sender        TEXT NOT NULL,
                subject       TEXT NOT NULL,
                body          TEXT NOT NULL,
                received_at   TEXT NOT NULL,
                state         TEXT NOT NULL,
                case_number   TEXT NULL,
                decided_by    TEXT NULL
            );
            CREATE TABLE desk_attachments (
                id            TEXT PRIMARY KEY,
                message_id    TEXT NOT NULL,
                owner         TEXT NOT NULL,
                file_name     TEXT NOT NULL,
                content_type  TEXT NOT NULL,
                size          BIGINT NOT NULL,
                content       BLOB NOT NULL
            );
            CREATE INDEX ix_desk_attachments_owner ON desk_attachments (owner);
            """),
        new(1402, "desk internal links", """
            CREATE TABLE desk_links (
                case_number  TEXT NOT NULL,
                url          TEXT NOT NULL,
                label        TEXT NOT NULL,
                added_by     TEXT NOT NULL,
                added_at     TEXT NOT NULL,
                PRIMARY KEY (case_number, url)
            );
            """),
        new(1403, "desk follow-up reviews", """
            CREATE TABLE desk_reviews (
                case_number  TEXT NOT NULL,
                number       INTEGER NOT NULL,
                due_at       TEXT NOT NULL,
                done_at      TEXT NULL,
                done_by      TEXT NULL,
                PRIMARY KEY (case_number, number)
            );
            """),
        new(1404, "desk mail claims", """
            CREATE TABLE desk_mail_claims (
                message_id  TEXT PRIMARY KEY,
                created_at  TEXT NOT NULL
            );
            """),
    ];
}
