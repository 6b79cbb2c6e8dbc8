using StandbyOps.Storage.Migrations;

namespace StandbyOps.Server.Rota;

/// <summary>
/// The rota's tables (versions 500–599). <c>seq</c> records the order overrides were added in, because the
/// override added last wins where overrides overlap.
/// </summary>
public static class RotaSchema
{
    /// <summary>The rota's migrations, ascending; append only.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(500, "rota overrides", """
            CREATE TABLE rota_overrides (
                id          TEXT PRIMARY KEY,
                seq         BIGINT NOT NULL,
                team        TEXT NOT NULL,
                engineer    TEXT NOT NULL,
                start_at    TEXT NOT NULL,
                end_at      TEXT NOT NULL,
                created_at  TEXT NOT NULL,
                created_by  TEXT NOT NULL
            );
            CREATE UNIQUE INDEX ux_rota_overrides_seq ON rota_overrides (seq);
            CREATE INDEX ix_rota_overrides_team ON rota_overrides (team, seq);
            """),
    ];
}
