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
    public async Task<IReadOnlySet<string>> UnresolvedKeysAsync(string systemId, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in (IncidentState[])[IncidentState.Open, IncidentState.Acknowledged])
        {
            var incidents = await desk.ListAsync(new IncidentFilter(state), cancellationToken).ConfigureAwait(false);
            keys.UnionWith(incidents.Where(i => i.System == systemId).Select(i => i.DedupKey));
        }

        return keys;
    }
}
