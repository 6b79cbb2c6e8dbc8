using Microsoft.Extensions.Logging;
using NodaTime;

namespace StandbyOps.Storage.Intents;

/// <summary>
/// Re-drives the outbox: hands each due intent to the handler of its kind, completes it on
/// success and reschedules it with exponential backoff on failure. On start every unfinished
/// intent is due again, so nothing accepted before a crash is lost.
/// </summary>
public sealed partial class IntentRelay
{
    private static readonly Duration MaxBackoff = Duration.FromMinutes(5);
    private readonly IntentStore _store;
    private readonly IReadOnlyDictionary<string, IIntentHandler> _handlers;
    private readonly ILogger<IntentRelay> _logger;

    /// <summary>Creates a relay over <paramref name="store"/> with one handler per kind.</summary>
    public IntentRelay(IntentStore store, IEnumerable<IIntentHandler> handlers, ILogger<IntentRelay> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _store = store;
        _logger = logger;
        var map = new Dictionary<string, IIntentHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!map.TryAdd(handler.Kind, handler))
            {
                throw new ArgumentException($"Two intent handlers claim kind '{handler.Kind}'.", nameof(handlers));
            }
        }

        _handlers = map;
    }

    /// <summary>Processes every intent due at <paramref name="now"/>; returns how many completed.</summary>
    public async Task<int> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var completed = 0;
        foreach (var intent in await _store.DueAsync(now, 500, cancellationToken).ConfigureAwait(false))
        {
            if (!_handlers.TryGetValue(intent.Kind, out var handler))
            {
                await _store.RescheduleAsync(intent.Id, $"no handler for intent kind '{intent.Kind}'", now + MaxBackoff, cancellationToken).ConfigureAwait(false);
                LogNoHandler(intent.Id, intent.Kind);
                continue;
            }

            try
            {
                await handler.HandleAsync(intent, cancellationToken).ConfigureAwait(false);
                await _store.CompleteAsync(intent.Id, now, cancellationToken).ConfigureAwait(false);
                completed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var retryAt = now + Backoff(intent.Attempts);
                await _store.RescheduleAsync(intent.Id, ex.Message, retryAt, cancellationToken).ConfigureAwait(false);
                LogFailed(ex, intent.Id, intent.Kind, intent.Attempts + 1);
            }
        }

        return completed;
    }

    /// <summary>1 s, 2 s, 4 s … capped at five minutes.</summary>
    public static Duration Backoff(int attemptsSoFar)
    {
        var seconds = Math.Pow(2, Math.Min(attemptsSoFar, 16));
        var backoff = Duration.FromSeconds(seconds);
        return backoff > MaxBackoff ? MaxBackoff : backoff;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Intent {IntentId} has kind {Kind} that no handler owns; kept pending")]
    private partial void LogNoHandler(string intentId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intent {IntentId} ({Kind}) failed on attempt {Attempt}; rescheduled")]
    private partial void LogFailed(Exception exception, string intentId, string kind, int attempt);
}
