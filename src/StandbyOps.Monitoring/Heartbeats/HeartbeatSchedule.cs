using NodaTime;
using StandbyOps.Configuration.Heartbeats;

namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>
/// When a heartbeat is next due: after a success or failure, the next expected ping (period after
/// it, or the cron's next run) plus grace; after a start, the grace time for the run to finish.
/// </summary>
public sealed class HeartbeatSchedule
{
    private readonly HeartbeatConfig _config;
    private readonly CronSchedule? _cron;

    /// <summary>Prepares the schedule of <paramref name="config"/>.</summary>
    public HeartbeatSchedule(HeartbeatConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _cron = config.Cron is { } cron ? CronSchedule.Parse(cron, config.CronZone) : null;
    }

    /// <summary>The deadline for a heartbeat first seen at <paramref name="since"/> that has never pinged.</summary>
    public Instant FirstDeadline(Instant since) => NextExpected(since) + _config.Grace;

    /// <summary>The deadline after a ping of <paramref name="kind"/> at <paramref name="at"/>.</summary>
    public Instant DeadlineAfter(PingKind kind, Instant at) =>
        kind == PingKind.Start ? at + _config.Grace : NextExpected(at) + _config.Grace;

    private Instant NextExpected(Instant after) =>
        _cron?.NextAfter(after) ?? after + (_config.Period ?? throw new InvalidOperationException($"Heartbeat '{_config.Id}' has neither period nor cron."));
}
