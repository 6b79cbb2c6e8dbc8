using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace StandbyOps.Storage.Intents;

/// <summary>
/// Re-drives the outbox: hands each due intent to the handler of its kind, completes it on
/// success and reschedules it with exponential backoff on failure. On start every unfinished
/// intent is due again, so nothing accepted before a crash is lost.
/// </summary>
/// <remarks>
/// Each intent runs inside its claim (<see cref="IntentStore.RunClaimedAsync"/>): on PostgreSQL a row lock taken with
/// <c>FOR UPDATE SKIP LOCKED</c> and held, off the store's write lock, until the outcome is recorded in the same
/// transaction, so of several nodes exactly one runs a due intent, and a node that dies mid-way hands it to the next.
/// Intents run concurrently (up to <see cref="MaxConcurrency"/> at once), so one slow handler — an SMS provider
/// timing out — never holds back an SLA deadline or another engineer's page. An intent still running is not started
/// again by a later round; handlers that touch the same thing serialize themselves.
/// A graceful stop starts nothing new and lets the running intents finish (<see cref="DrainAsync"/>): an SMTP server
/// that already has a mail, or a provider that already has an SMS, gets its answer recorded, so a restart does not send it
/// again. Only what is still running when the grace is over is cut off, and stays pending.
/// </remarks>
public sealed partial class IntentRelay : IDisposable
{
    /// <summary>How many intents run at once.</summary>
    public const int MaxConcurrency = 16;

    /// <summary>
    /// How long one handler may run before it is cancelled (the intent stays due): a Twilio send with its retries
    /// takes under a minute, and this stays below <see cref="Database.PostgresDatabase.ClaimIdleTimeout"/>, so a handler
    /// gives up before its claim could pass to another node.
    /// </summary>
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromMinutes(4);

    private static readonly Duration MaxBackoff = Duration.FromMinutes(5);
    private readonly IntentStore _store;
    private readonly IReadOnlyDictionary<string, IIntentHandler> _handlers;
    private readonly ILogger<IntentRelay> _logger;
    private readonly ConcurrentDictionary<string, Task<bool>> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(MaxConcurrency, MaxConcurrency);
    private readonly CancellationTokenSource _cutOff = new();

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

    /// <summary>What the relay has been doing (rounds, lateness, outcomes), for the watchdog metrics.</summary>
    public IntentRelayStats Stats { get; } = new();

    /// <summary>Processes every intent due at <paramref name="now"/> and waits for them; returns how many completed.</summary>
    public async Task<int> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var started = await StartDueAsync(now, cancellationToken).ConfigureAwait(false);
        var results = await Task.WhenAll(started).ConfigureAwait(false);
        return results.Count(completed => completed);
    }

    /// <summary>
    /// Starts every intent due at <paramref name="now"/> that is not already running and returns without waiting;
    /// each task answers whether its intent completed. <paramref name="cancellationToken"/> stops the starting (an intent
    /// still waiting for a slot is not started); an intent already claimed runs on until it is done, its
    /// <see cref="HandlerTimeout"/> passes or <see cref="DrainAsync"/> cuts it off.
    /// </summary>
    public async Task<IReadOnlyList<Task<bool>>> StartDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var started = new List<Task<bool>>();
        var due = await _store.DueAsync(now, 500, cancellationToken).ConfigureAwait(false);
        Stats.Looked(now, due);
        foreach (var intent in due)
        {
            if (_running.ContainsKey(intent.Id))
            {
                continue;
            }

            var run = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _running[intent.Id] = run.Task;
            started.Add(run.Task);
            _ = RunAsync(intent, now, run, cancellationToken);
        }

        return started;
    }

    /// <summary>
    /// Waits up to <paramref name="grace"/> for the intents running now (at shutdown, so none is cut off mid-way), then
    /// cancels those still running, which stay pending for the next start, and waits for them to give up.
    /// </summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        var running = Task.WhenAll(_running.Values);
        if (!running.IsCompleted)
        {
            LogDraining(_running.Count, grace.TotalSeconds);
        }

        try
        {
            await running.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogCutOff(_running.Count, grace.TotalSeconds);
            await _cutOff.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);
        }
    }

    private async Task RunAsync(Intent intent, Instant now, TaskCompletionSource<bool> run, CancellationToken cancellationToken)
    {
        var completed = false;
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Once started, only the cut-off at the end of a graceful stop's grace cancels the intent.
                completed = await HandleAsync(intent, now, _cutOff.Token).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (Exception ex)
        {
            // Cancellation at shutdown, or the store failing to record the outcome: the intent stays pending and is re-driven.
            LogNotRecorded(ex, intent.Id, intent.Kind);
        }
        finally
        {
            _running.TryRemove(intent.Id, out _);
            run.SetResult(completed);
        }
    }

    private async Task<bool> HandleAsync(Intent candidate, Instant now, CancellationToken cancellationToken)
    {
        var outcome = await _store.RunClaimedAsync(candidate.Id, now, intent => RunHandlerAsync(intent, now, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (outcome is null)
        {
            // Another node holds it, or it finished or moved meanwhile.
            return false;
        }

        Stats.Ran(candidate.Kind, outcome.Completed ? IntentRelayStats.Completed : IntentRelayStats.Failed);
        return outcome.Completed;
    }

    /// <summary>Runs the handler of a claimed intent and says what to record; bounded by <see cref="HandlerTimeout"/>.</summary>
    private async Task<IntentOutcome> RunHandlerAsync(Intent intent, Instant now, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(intent.Kind, out var handler))
        {
            LogNoHandler(intent.Id, intent.Kind);
            return IntentOutcome.Reschedule(now, $"no handler for intent kind '{intent.Kind}'", now + MaxBackoff);
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(HandlerTimeout);
        try
        {
            await handler.HandleAsync(intent, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, intent.Id, intent.Kind, intent.Attempts + 1);
            return IntentOutcome.Reschedule(now, ex.Message, now + Backoff(intent.Attempts));
        }

        return IntentOutcome.Complete(now);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cutOff.Dispose();
        _slots.Dispose();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intent {IntentId} ({Kind}) was interrupted or its outcome not stored; it stays pending")]
    private partial void LogNotRecorded(Exception exception, string intentId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting up to {Seconds} s for {Count} running intents to finish")]
    private partial void LogDraining(int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Count} intents still running after {Seconds} s are cut off; they stay pending for the next start")]
    private partial void LogCutOff(int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intent {IntentId} ({Kind}) failed on attempt {Attempt}; rescheduled")]
    private partial void LogFailed(Exception exception, string intentId, string kind, int attempt);
}
