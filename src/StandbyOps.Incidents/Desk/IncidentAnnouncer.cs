using System.Data.Common;
using Microsoft.Extensions.Logging;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Signals;
using StandbyOps.Incidents.Sla;
using StandbyOps.Storage.Database;

namespace StandbyOps.Incidents.Desk;

/// <summary>Tells observers, metrics and the log about a desk change once it is committed.</summary>
internal sealed partial class IncidentAnnouncer(
    IDatabase database, IncidentMetrics metrics, IEnumerable<IIncidentObserver> observers, ILogger logger)
{
    private readonly SemaphoreSlim _gaugeGate = new(1, 1);

    public async Task AnnounceAsync(IncidentChange change, bool alsoResolved, SlaKind? breach, CancellationToken cancellationToken)
    {
        if (change.Incident is not { } incident)
        {
            return;
        }

        if (breach is { } kind)
        {
            metrics.Breached(incident.Customer, kind);
            LogBreached(incident.CaseNumber, kind, incident.Customer);
        }

        switch (change.Kind)
        {
            case IncidentChangeKind.Opened:
                metrics.Opened(incident.Customer, incident.Priority, incident.Source);
                LogOpened(incident.CaseNumber, incident.Priority.ToText(), incident.Customer, incident.System, incident.DedupKey);
                await NotifyAsync(incident, static (o, i) => o.OnOpenedAsync(i)).ConfigureAwait(false);
                break;
            case IncidentChangeKind.Reopened:
                await NotifyAsync(incident, static (o, i) => o.OnReopenedAsync(i)).ConfigureAwait(false);
                break;
            case IncidentChangeKind.Acknowledged:
                await NotifyAsync(incident, static (o, i) => o.OnAcknowledgedAsync(i)).ConfigureAwait(false);
                break;
            case IncidentChangeKind.Resolved:
                await NotifyAsync(incident, static (o, i) => o.OnResolvedAsync(i)).ConfigureAwait(false);
                break;
            case IncidentChangeKind.Closed:
                if (alsoResolved)
                {
                    await NotifyAsync(incident, static (o, i) => o.OnResolvedAsync(i)).ConfigureAwait(false);
                }

                await NotifyAsync(incident, static (o, i) => o.OnClosedAsync(i)).ConfigureAwait(false);
                break;
            default:
                return;
        }

        try
        {
            await RefreshOpenGaugeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            // The change is committed; a gauge that lags one change is no reason to fail the caller.
            LogGaugeFailed(ex);
        }
    }

    public async Task RefreshOpenGaugeAsync(CancellationToken cancellationToken)
    {
        await _gaugeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Under the gate the later query always lands last, so the gauge never goes back to an older count.
            metrics.SetUnresolved(await database.ReadAsync(IncidentRows.CountUnresolvedAsync, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gaugeGate.Release();
        }
    }

    private async Task NotifyAsync(Incident incident, Func<IIncidentObserver, Incident, Task> call)
    {
        foreach (var observer in observers)
        {
            try
            {
                await call(observer, incident).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // An observer is downstream: its failure must never undo or fail a committed desk change.
                LogObserverFailed(ex, observer.GetType().Name, incident.CaseNumber);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {CaseNumber} opened: {Priority} for {Customer}/{System} ({DedupKey})")]
    private partial void LogOpened(string caseNumber, string priority, string customer, string system, string dedupKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {CaseNumber} breached its {Kind} SLA (customer {Customer})")]
    private partial void LogBreached(string caseNumber, SlaKind kind, string customer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Incident observer {Observer} failed on {CaseNumber}; the desk change stands")]
    private partial void LogObserverFailed(Exception exception, string observer, string caseNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the open-incidents gauge; it catches up on the next change")]
    private partial void LogGaugeFailed(Exception exception);
}
