using NodaTime;
using StandbyOps.Monitoring.History;

namespace StandbyOps.Server.History;

/// <summary>
/// Writes the queued check results every second (and, once the clock enters a new 5-minute bucket, every
/// series' state up to now), applies retention once an hour of the injected clock, and writes the last
/// results at shutdown, so a stopped server's silence starts where its history ends.
/// </summary>
public sealed partial class CheckHistoryService(CheckHistoryRecorder recorder, CheckHistoryStore store, IClock clock, ILogger<CheckHistoryService> logger) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private static readonly Duration RetentionInterval = Duration.FromHours(1);
    private Instant? _lastPurge;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await recorder.FlushAsync(untilNow: false, stoppingToken).ConfigureAwait(false);
                await PurgeWhenDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFlushFailed(ex, recorder.Queued);
            }

            try
            {
                await Task.Delay(FlushInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await recorder.FlushAsync(untilNow: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(ex, recorder.Queued);
        }
    }

    private async Task PurgeWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_lastPurge is { } last && now - last < RetentionInterval)
        {
            return;
        }

        _lastPurge = now;
        var (raw, rollups) = await store.PurgeAsync(now, cancellationToken).ConfigureAwait(false);
        if (raw + rollups > 0)
        {
            LogPurged(raw, rollups);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing check history failed ({Queued} results queued); it retries in a second")]
    private partial void LogFlushFailed(Exception exception, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check history retention deleted {Raw} raw results (older than 48 h) and {Rollups} rollups (older than 400 days)")]
    private partial void LogPurged(int raw, int rollups);
}
