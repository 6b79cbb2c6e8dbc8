using Microsoft.Extensions.Logging;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Connects the incident desk to paging: opening starts an escalation; acknowledgement, resolution and closing stop it.</summary>
/// <remarks>
/// The desk calls observers synchronously after its commit; the work is waited for here so that when the
/// desk's caller gets its answer, the first due step is already a durable row.
/// </remarks>
public sealed partial class PagingObserver(PageDispatcher dispatcher, ILogger<PagingObserver> logger) : IIncidentObserver
{
    /// <inheritdoc />
    public void OnOpened(Incident incident) => Run(incident, dispatcher.StartAsync(incident));

    /// <inheritdoc />
    public void OnReopened(Incident incident) => Run(incident, dispatcher.StartAsync(incident));

    /// <inheritdoc />
    public void OnAcknowledged(Incident incident) => Run(incident, dispatcher.AcknowledgedAsync(incident));

    /// <inheritdoc />
    public void OnResolved(Incident incident) => Run(incident, dispatcher.ResolvedAsync(incident));

    /// <inheritdoc />
    public void OnClosed(Incident incident) => Run(incident, dispatcher.ClosedAsync(incident));

    private void Run(Incident incident, Task work)
    {
        try
        {
            work.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, incident.CaseNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Paging could not follow a change of {CaseNumber}")]
    private partial void LogFailed(Exception exception, string caseNumber);
}
