using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StandbyOps.Incidents.Sla;

namespace StandbyOps.Incidents.Desk;

/// <summary>At start: fills the open-incidents gauge from the store and reports customers that get no SLA deadlines.</summary>
public sealed partial class IncidentDeskStartup(IncidentDesk desk, IncidentSlaPolicy sla, ILogger<IncidentDeskStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var problem in sla.Problems)
        {
            LogNoSla(problem);
        }

        await desk.RefreshOpenGaugeAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private partial void LogNoSla(string problem);
}
