using NodaTime;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// Runs the outbox relay: once at start (re-driving whatever a crash left unfinished), then whenever
/// woken by new work, and at least every second. Intents run concurrently and a round does not wait for
/// the previous round's intents; at shutdown the running ones are waited for.
/// </summary>
public sealed partial class IntentRelayService(IntentRelay relay, IClock clock, ILogger<IntentRelayService> logger) : BackgroundService
{
    /// <summary>
    /// How long a stop lets running intents finish: under the host's 30-s shutdown timeout, and longer than an SMTP
    /// answer or a Twilio send normally takes, so a restart neither repeats nor loses a mail or an SMS in flight.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Asks the relay to look for due intents now.</summary>
    public void Wake() => _wake.Release();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await relay.StartDueAsync(clock.GetCurrentInstant(), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A store timeout surfaces as a cancellation too: only the stop ends the loop.
                    LogRelayFailed(ex);
                }

                await _wake.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; a round cut short by it started nothing more.
        }
        finally
        {
            // However the loop ended, what already runs is finished (or cut off after the grace), never abandoned.
            await relay.DrainAsync(StopGrace).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The intent relay failed; it retries on its next round")]
    private partial void LogRelayFailed(Exception exception);
}
