using StandbyOps.Configuration;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Reports.Mail;

/// <summary>
/// Schedules the current month's SLA report mail of every customer with report contacts when the server starts and
/// after each configuration reload (a customer that gains <c>reports.contacts</c>); each month is scheduled once per
/// store (<see cref="SlaReportMailSchedule"/>), and each sent month schedules the next one itself.
/// </summary>
public sealed partial class SlaReportMailService(SlaReportMailSchedule schedule, LiveConfig live, ILogger<SlaReportMailService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        live.Changed += OnChanged;
        await EnsureAsync(live.Current, cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        live.Changed -= OnChanged;
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private void OnChanged(StandbyOpsConfig config) => _ = EnsureAsync(config, _stopping.Token);

    private async Task EnsureAsync(StandbyOpsConfig config, CancellationToken cancellationToken)
    {
        try
        {
            var added = await schedule.EnsureCurrentMonthsAsync(config, cancellationToken).ConfigureAwait(false);
            if (added > 0)
            {
                LogScheduled(logger, added);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled the SLA report mail of {Count} customer months")]
    private static partial void LogScheduled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling the SLA report mails failed; the next start or reload tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
