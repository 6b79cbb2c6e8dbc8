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
    ];
}
