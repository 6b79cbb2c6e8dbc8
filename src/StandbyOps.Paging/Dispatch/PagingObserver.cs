using Microsoft.Extensions.Logging;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Connects the incident desk to paging: opening starts an escalation; acknowledgement, resolution and closing stop it.</summary>
/// <remarks>
/// The desk awaits observers after its commit, so when the desk's caller gets its answer the first due step is
/// already a durable row; the SMS itself goes out from the intent relay, never on the desk's caller.
/// </remarks>
public sealed partial class PagingObserver(PageDispatcher dispatcher, ILogger<PagingObserver> logger) : IIncidentObserver
{
    /// <inheritdoc />
    public Task OnOpenedAsync(Incident incident) => RunAsync(incident, dispatcher.StartAsync);

    /// <inheritdoc />
    public Task OnReopenedAsync(Incident incident) => RunAsync(incident, dispatcher.StartAsync);

    /// <inheritdoc />
    public Task OnAcknowledgedAsync(Incident incident) => RunAsync(incident, dispatcher.AcknowledgedAsync);

    /// <inheritdoc />
    public Task OnResolvedAsync(Incident incident) => RunAsync(incident, dispatcher.ResolvedAsync);

    /// <inheritdoc />
    public Task OnClosedAsync(Incident incident) => RunAsync(incident, dispatcher.ClosedAsync);

    private async Task RunAsync(Incident incident, Func<Incident, CancellationToken, Task> work)
    {
        try
        {
            await work(incident, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The desk change stands; the start-up catch-up pages an incident whose first step was never written.
            LogFailed(ex, incident.CaseNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Paging could not follow a change of {CaseNumber}")]
    private partial void LogFailed(Exception exception, string caseNumber);
}
