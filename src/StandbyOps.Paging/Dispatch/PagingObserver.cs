using Microsoft.Extensions.Logging;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;

namespace StandbyOps.Paging.Dispatch;

/// <summary>
/// Connects the incident desk to paging after each commit: acknowledgement, resolution and closing stop the escalation
/// (resolution and closing also queue the team's all-clear texts); an opening wakes the relay.
/// </summary>
/// <remarks>
/// Starting to page is not done here: the desk writes the start as an intent in the transaction that opens or reopens
/// the incident (<see cref="PagingStartHandler"/> runs it), so a crash after the commit cannot lose it. The wake only
/// makes the relay run that intent now rather than at its next poll.
/// </remarks>
public sealed partial class PagingObserver(EscalationRunner escalations, AllClearSender allClear, PagingOptions options, ILogger<PagingObserver> logger) : IIncidentObserver
{
    /// <inheritdoc />
    public Task OnOpenedAsync(Incident incident)
    {
        options.Wake();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnReopenedAsync(Incident incident)
    {
        options.Wake();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnAcknowledgedAsync(Incident incident) => RunAsync(incident, escalations.AcknowledgedAsync);

    /// <inheritdoc />
    public Task OnResolvedAsync(Incident incident) => RunAsync(incident, async (resolved, ct) =>
    {
        await escalations.ResolvedAsync(resolved, ct).ConfigureAwait(false);
        await QueueAllClearAsync(resolved, ct).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public Task OnClosedAsync(Incident incident) => RunAsync(incident, async (closed, ct) =>
    {
        await escalations.ClosedAsync(closed, ct).ConfigureAwait(false);

        // A close straight from open resolves too; the all-clear is recorded once per resolution either way.
        await QueueAllClearAsync(closed, ct).ConfigureAwait(false);
    });

    private Task QueueAllClearAsync(Incident incident, CancellationToken cancellationToken) => allClear.QueueAsync(incident, cancellationToken);

    private async Task RunAsync(Incident incident, Func<Incident, CancellationToken, Task> work)
    {
        try
        {
            await work(incident, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The desk change stands; a due step finds the incident no longer open and stops its escalation itself.
            LogFailed(ex, incident.CaseNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Paging could not follow a change of {CaseNumber}")]
    private partial void LogFailed(Exception exception, string caseNumber);
}
