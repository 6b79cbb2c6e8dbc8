using NodaTime;

namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>The durable state of one heartbeat: its last ping and the deadline the next one must meet.</summary>
public sealed record HeartbeatRecord(string SystemId, string HeartbeatId, Instant? LastPingAt, PingKind? LastKind, Instant DeadlineAt);
