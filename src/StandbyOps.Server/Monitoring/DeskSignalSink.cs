using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Signals;

namespace StandbyOps.Server.Monitoring;

/// <summary>Monitoring's signals go to the incident desk, which records them durably before returning.</summary>
public sealed class DeskSignalSink(IncidentDesk desk) : ISignalSink
{
    /// <inheritdoc />
    public Task FailAsync(FailureSignal signal, CancellationToken cancellationToken) => desk.HandleFailureAsync(signal, cancellationToken);

    /// <inheritdoc />
    public Task RecoverAsync(RecoverySignal signal, CancellationToken cancellationToken) => desk.HandleRecoveryAsync(signal, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken) => desk.UnresolvedKeysAsync(systemId, cancellationToken);
}
