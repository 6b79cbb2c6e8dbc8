using StandbyOps.Storage.Migrations;

namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>Heartbeat deadlines, persisted so a restart never resets them (versions 230–239).</summary>
public static class HeartbeatSchema
{
    /// <summary>The migrations.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(230, "heartbeats", """
            CREATE TABLE heartbeats (
                system_id     TEXT NOT NULL,
                heartbeat_id  TEXT NOT NULL,
                last_ping_at  TEXT NULL,
                last_kind     TEXT NULL,
                deadline_at   TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                PRIMARY KEY (system_id, heartbeat_id)
            );
            """),
    ];
}
