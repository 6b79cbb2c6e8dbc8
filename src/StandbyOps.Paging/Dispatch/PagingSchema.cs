using StandbyOps.Storage.Migrations;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Paging's durable state (versions 300–399): escalations, steps run, page items, pages (texts and calls), reply codes, the log outbox, carrier opt-outs, all-clear texts and the phones a sender claims.</summary>
public static class PagingSchema
{
    /// <summary>The migrations.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(300, "paging", """
            CREATE TABLE paging_escalations (
                id           TEXT NOT NULL PRIMARY KEY,
                case_number  TEXT NOT NULL,
                mode         TEXT NOT NULL,
                started_at   TEXT NOT NULL,
                stopped      BIGINT NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_paging_escalations_case ON paging_escalations (case_number);
            CREATE TABLE paging_steps (
                escalation_id TEXT NOT NULL,
                step_index    BIGINT NOT NULL,
                ran_at        TEXT NOT NULL,
                PRIMARY KEY (escalation_id, step_index)
            );
            CREATE TABLE paging_items (
                id            TEXT NOT NULL PRIMARY KEY,
                escalation_id TEXT NOT NULL,
                step_index    BIGINT NOT NULL,
                case_number   TEXT NOT NULL,
                engineer      TEXT NOT NULL,
                phone         TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                page_id       TEXT NULL
            );
            CREATE INDEX ix_paging_items_phone ON paging_items (phone, page_id);
            CREATE INDEX ix_paging_items_case ON paging_items (case_number);
            CREATE TABLE paging_pages (
                id           TEXT NOT NULL PRIMARY KEY,
                phone        TEXT NOT NULL,
                engineer     TEXT NOT NULL,
                body         TEXT NOT NULL,
                sent_at      TEXT NOT NULL,
                status       TEXT NOT NULL,
                provider_id  TEXT NULL,
                error        TEXT NULL
            );
            CREATE INDEX ix_paging_pages_phone ON paging_pages (phone, sent_at);
            CREATE INDEX ix_paging_pages_provider ON paging_pages (provider_id);
            CREATE TABLE paging_codes (
                phone        TEXT NOT NULL,
                code         BIGINT NOT NULL,
                case_number  TEXT NOT NULL,
                assigned_at  TEXT NOT NULL,
                released     BIGINT NOT NULL DEFAULT 0,
                PRIMARY KEY (phone, code)
            );
            CREATE TABLE sms_outbox (
                sequence         BIGINT NOT NULL PRIMARY KEY,
                provider_id      TEXT NOT NULL,
                recipient        TEXT NOT NULL,
                body             TEXT NOT NULL,
                status_callback  TEXT NULL,
                idempotency_key  TEXT NOT NULL UNIQUE,
                sent_at          TEXT NOT NULL
            );
            """),
        new(301, "paging opt-outs", """
            CREATE TABLE paging_optouts (
                phone          TEXT NOT NULL PRIMARY KEY,
                opted_out_at   TEXT NOT NULL,
                keyword        TEXT NOT NULL
            );
            """),
        new(310, "paging voice calls and all-clears", """
            ALTER TABLE paging_items ADD COLUMN channel TEXT NOT NULL DEFAULT 'sms';
            ALTER TABLE paging_pages ADD COLUMN channel TEXT NOT NULL DEFAULT 'sms';
            CREATE TABLE paging_allclears (
                id           TEXT NOT NULL PRIMARY KEY,
                case_number  TEXT NOT NULL,
                engineer     TEXT NOT NULL,
                phone        TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                status       TEXT NOT NULL,
                provider_id  TEXT NULL,
                error        TEXT NULL
            );
            CREATE INDEX ix_paging_allclears_case ON paging_allclears (case_number);
            """),
        new(320, "paging phone claims", """
            CREATE TABLE paging_phones (
                phone  TEXT NOT NULL PRIMARY KEY
            );
            INSERT INTO paging_phones (phone) SELECT DISTINCT phone FROM paging_items;
            """),
    ];
}
