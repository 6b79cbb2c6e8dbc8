using StandbyOps.Storage.Migrations;

namespace StandbyOps.Server.Reports.Mail;

/// <summary>
/// The reports' tables (versions 600–699). <c>sla_report_mails</c> holds one row per customer and month whose report
/// mail is scheduled: the row and its intent are written in one transaction, and only when the row is new, so two
/// nodes or a restart never schedule a month twice; <c>sent_at</c> is set in the transaction that queues the mails.
/// </summary>
public static class ReportSchema
{
    /// <summary>The reports' migrations, ascending; append only.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(600, "sla report mails", """
            CREATE TABLE sla_report_mails (
                customer      TEXT NOT NULL,
                month         TEXT NOT NULL,
                due_at        TEXT NOT NULL,
                intent_id     TEXT NOT NULL,
                sent_at       TEXT NULL,
                PRIMARY KEY (customer, month)
            );
            """),
    ];
}
