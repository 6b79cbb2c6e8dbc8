using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace StandbyOps.Paging.Dispatch;

/// <summary>At start, pages incidents whose opening a crash separated from their first escalation row.</summary>
public sealed partial class PagingStartup(PageDispatcher dispatcher, ILogger<PagingStartup> logger) : IHostedService
{
    /// <summary>How far back an unpaged open incident is still worth paging for at start.</summary>
    public static readonly Duration LookBack = Duration.FromHours(1);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = await dispatcher.CatchUpAsync(LookBack, cancellationToken).ConfigureAwait(false);
        if (started > 0)
        {
            LogCaughtUp(started);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Started paging for {Count} open incident(s) that a restart left without a first step")]
    private partial void LogCaughtUp(int count);
}
