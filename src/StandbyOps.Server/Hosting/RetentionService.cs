using StandbyOps.Paging.Retention;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// Runs the <see cref="RetentionSweep"/> shortly after start and then hourly. The ages are measured on the injected
/// clock (the sweep reads it); only how often it looks is wall time, and a failed sweep is logged and retried next hour.
/// </summary>
public sealed partial class RetentionService(RetentionSweep sweep, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstSweep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstSweep;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            wait = Interval;
            try
            {
                var result = await sweep.RunAsync(stoppingToken).ConfigureAwait(false);
                LogSwept(result.Intents, result.Pages, result.ClosedIncidentWork);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Intents} finished intents, {Pages} finished pages and {Work} rows of closed incidents' paging work")]
    private partial void LogSwept(int intents, int pages, int work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention sweep failed; it runs again in an hour")]
    private partial void LogSweepFailed(Exception exception);
}
