using Akka.Actor;
using NodaTime;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>
/// Takes pings on <c>/ping/{token}</c>: stores the ping and the new deadline durably, then tells the
/// system's monitor. A restart between the two loses nothing: the monitor reads the stored deadline.
/// </summary>
public sealed class HeartbeatPings(Func<HeartbeatDirectory> directory, HeartbeatStore store, IActorRef monitors, IClock clock)
{
    /// <summary>Records a ping; false when no heartbeat has <paramref name="token"/>.</summary>
    public async Task<bool> PingAsync(string token, PingKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (directory().Find(token) is not { } target)
        {
            return false;
        }

        var at = clock.GetCurrentInstant();
        var deadline = new HeartbeatSchedule(target.Heartbeat).DeadlineAfter(kind, at);
        await store.RecordPingAsync(target.SystemId, target.Heartbeat.Id, kind, at, deadline, cancellationToken).ConfigureAwait(false);
        monitors.Tell(new MonitorEnvelope(target.SystemId, new HeartbeatPinged(target.Heartbeat.Id, kind, at, deadline)));
        return true;
    }

    /// <summary>Reads the ping kind from the path suffix: none, <c>start</c>, <c>fail</c> or an exit code (0 = success).</summary>
    public static bool TryParseSuffix(string? suffix, out PingKind kind)
    {
        kind = PingKind.Success;
        switch (suffix)
        {
            case null or "":
                return true;
            case "start":
                kind = PingKind.Start;
                return true;
            case "fail":
                kind = PingKind.Fail;
                return true;
        }

        if (int.TryParse(suffix, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exitCode) && exitCode <= 255)
        {
            kind = exitCode == 0 ? PingKind.Success : PingKind.Fail;
            return true;
        }

        return false;
    }
}
