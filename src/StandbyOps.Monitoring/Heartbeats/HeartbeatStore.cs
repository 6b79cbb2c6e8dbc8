using Dapper;
using NodaTime;
using StandbyOps.Storage.Database;

namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>Reads and writes heartbeat deadlines; every write is durable when it returns.</summary>
public sealed class HeartbeatStore(IDatabase database)
{
    /// <summary>The stored record, created with <paramref name="firstDeadline"/> when the heartbeat is new.</summary>
    public Task<HeartbeatRecord> EnsureAsync(string systemId, string heartbeatId, Instant now, Instant firstDeadline, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                "INSERT INTO heartbeats (system_id, heartbeat_id, deadline_at, created_at) VALUES (@systemId, @heartbeatId, @firstDeadline, @now) ON CONFLICT (system_id, heartbeat_id) DO NOTHING",
                new { systemId, heartbeatId, firstDeadline, now }, t).ConfigureAwait(false);
            var row = await c.QuerySingleAsync<Row>(
                "SELECT system_id AS SystemId, heartbeat_id AS HeartbeatId, last_ping_at AS LastPingAt, last_kind AS LastKind, deadline_at AS DeadlineAt FROM heartbeats WHERE system_id = @systemId AND heartbeat_id = @heartbeatId",
                new { systemId, heartbeatId }, t).ConfigureAwait(false);
            return row.ToRecord();
        }, cancellationToken);

    /// <summary>Records a ping and the deadline it sets.</summary>
    public Task RecordPingAsync(string systemId, string heartbeatId, PingKind kind, Instant at, Instant deadline, CancellationToken cancellationToken = default) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO heartbeats (system_id, heartbeat_id, last_ping_at, last_kind, deadline_at, created_at) VALUES (@systemId, @heartbeatId, @at, @kind, @deadline, @at) " +
            "ON CONFLICT (system_id, heartbeat_id) DO UPDATE SET last_ping_at = @at, last_kind = @kind, deadline_at = @deadline",
            new { systemId, heartbeatId, at, kind = kind.ToString().ToLowerInvariant(), deadline }, t), cancellationToken);

    private sealed record Row(string SystemId, string HeartbeatId, string? LastPingAt, string? LastKind, string DeadlineAt)
    {
        public HeartbeatRecord ToRecord() => new(
            SystemId,
            HeartbeatId,
            LastPingAt is null ? null : InstantTypeHandler.Parse(LastPingAt),
            LastKind is null ? null : Enum.Parse<PingKind>(LastKind, ignoreCase: true),
            InstantTypeHandler.Parse(DeadlineAt));
    }
}
