using StandbyOps.Incidents.Signals;

namespace StandbyOps.Monitoring.Signals;

/// <summary>
/// Where monitoring delivers failure and recovery signals (the incident desk). A returned task
/// means the signal is durably recorded; a thrown exception means it must be offered again.
/// </summary>
public interface ISignalSink
{
    /// <summary>Records a failure.</summary>
    Task FailAsync(FailureSignal signal, CancellationToken cancellationToken);

    /// <summary>Records a recovery.</summary>
    Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken);

    /// <summary>
    /// The dedup keys of <paramref name="systemId"/> that have an incident not yet resolved, so a
    /// restarted monitor still sends the recovery for a failure it signalled before the restart.
    /// </summary>
    Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken);
}
