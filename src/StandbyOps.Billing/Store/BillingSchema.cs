using StandbyOps.Storage.Migrations;

namespace StandbyOps.Billing.Store;

/// <summary>
/// Billing's tables (versions 400–499). Instants are fixed-width ISO text; an issued invoice or credit note keeps
/// its frozen JSON snapshot, from which every export is rendered, so later config edits cannot reach it. The partial
/// unique indexes make "one draft per customer and month", "one open callout per case" and unique numbers hold.
/// </summary>
public static class BillingSchema
{
    /// <summary>Billing's migrations, ascending; append only.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(400, "billing", """
            CREATE TABLE billing_standby_periods (
                id          TEXT PRIMARY KEY,
                customer    TEXT NOT NULL,
                start_at    TEXT NOT NULL,
                end_at      TEXT NOT NULL,
                note        TEXT NULL,
                created_by  TEXT NOT NULL,
                created_at  TEXT NOT NULL
            );
            CREATE INDEX ix_billing_standby_periods_customer ON billing_standby_periods (customer, start_at);

            CREATE TABLE billing_callouts (
                id           TEXT PRIMARY KEY,
                customer     TEXT NOT NULL,
                engineer     TEXT NOT NULL,
                case_number  TEXT NULL,
                start_at     TEXT NOT NULL,
                end_at       TEXT NULL,
                created_at   TEXT NOT NULL,
                updated_at   TEXT NOT NULL
            );
            CREATE INDEX ix_billing_callouts_customer ON billing_callouts (customer, start_at);
            CREATE UNIQUE INDEX ux_billing_callouts_open_case ON billing_callouts (case_number) WHERE end_at IS NULL AND case_number IS NOT NULL;

            CREATE TABLE billing_invoices (
                id           TEXT PRIMARY KEY,
                customer     TEXT NOT NULL,
                month        TEXT NOT NULL,
                status       TEXT NOT NULL,
                number       TEXT NULL,
                credits_id   TEXT NULL,
                credited_by  TEXT NULL,
                snapshot     TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                updated_at   TEXT NOT NULL
            );
            CREATE UNIQUE INDEX ux_billing_invoices_draft ON billing_invoices (customer, month) WHERE status = 'draft';
            CREATE UNIQUE INDEX ux_billing_invoices_number ON billing_invoices (number) WHERE number IS NOT NULL;
            CREATE INDEX ix_billing_invoices_month ON billing_invoices (month, customer);
            """),
        // When each invoice was issued: a callout that became billable (recorded or closed) after its month's first
        // issue is a late item of the month it became billable in. Existing issued rows take their last update.
        new(401, "billing", """
            ALTER TABLE billing_invoices ADD COLUMN issued_at TEXT NULL;
            UPDATE billing_invoices SET issued_at = updated_at WHERE status = 'issued';
            CREATE INDEX ix_billing_callouts_updated ON billing_callouts (customer, updated_at);
            """),
        // The order in which standby periods were recorded (a durable sequence; instants can tie on a virtual clock), and
        // on each invoice the last period its draft knew: a period recorded after its month's first issue is a late item.
        // Periods and invoices from before have NULL, read as 0: every earlier period was known to every earlier invoice.
        new(402, "billing", """
            ALTER TABLE billing_standby_periods ADD COLUMN seq BIGINT NULL;
            ALTER TABLE billing_invoices ADD COLUMN periods_seq BIGINT NULL;
            CREATE INDEX ix_billing_standby_periods_created ON billing_standby_periods (customer, created_at);
            """),
    ];
}
