using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// Starts push ingest with the server: loads the stored groups (they then show on
/// <c>/metrics</c> through <see cref="PushedMetricsSource"/>), and evaluates every push rule each <see cref="EvaluationInterval"/>
/// on Akka's scheduler (the actor system's, so a virtual-time run advances it), so <c>for</c> and <c>absentFor</c> fire without a push.
/// </summary>
public sealed partial class PushIngestService(
    PushGroupStore groups,
    PushRuleMonitor rules,
    Akka.Actor.IScheduler scheduler,
    ILogger<PushIngestService> logger) : IHostedService, IDisposable
{
    /// <summary>How often every rule is evaluated without a push.</summary>
    public static readonly Duration EvaluationInterval = Duration.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Akka.Actor.ICancelable? _timer;
    private Task _running = Task.CompletedTask;
    private bool _active;
    private bool _again;
    private bool _stopped;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await groups.LoadAsync(cancellationToken).ConfigureAwait(false);
        Schedule();
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task running;
        lock (_gate)
        {
            _stopped = true;
            _timer?.Cancel();
            running = _running;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await running.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer?.Cancel();
        _stopping.Dispose();
    }

    private void Schedule()
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _timer = Akka.Actor.SchedulerExtensions.ScheduleOnceCancelable(scheduler.Advanced, EvaluationInterval.ToTimeSpan(), OnTick);
            }
        }
    }

    /// <summary>Runs on the scheduler's thread: starts an evaluation, or asks the running one to go again, and re-arms.</summary>
    private void OnTick()
    {
        lock (_gate)
        {
            if (!_active)
            {
                _active = true;
                _running = Task.Run(EvaluateAsync);
            }
            else
            {
                _again = true;
            }
        }

        Schedule();
    }

    private async Task EvaluateAsync()
    {
        while (true)
        {
            try
            {
                await rules.EvaluateAllAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogEvaluationFailed(e);
            }

            lock (_gate)
            {
                // A tick that came while this ran saw a later instant: evaluate once more so it is not lost.
                if (!_again || _stopped)
                {
                    _active = false;
                    return;
                }

                _again = false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluating the push rules failed; the next tick retries")]
    private partial void LogEvaluationFailed(Exception exception);
}
