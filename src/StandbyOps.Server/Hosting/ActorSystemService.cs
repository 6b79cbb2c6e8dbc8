using Akka.Actor;
using Akka.Hosting;
using StandbyOps.Monitoring.Systems;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// The process's actor system as the rest of the host sees it: ready once the host has started (and not after
/// the system terminated), and on SIGTERM a <see cref="CoordinatedShutdown"/> task that lets the monitors drain
/// their mailboxes before Akka.Hosting terminates the system.
/// </summary>
public sealed partial class ActorSystemService(ActorSystem system, IRequiredActor<MonitorSupervisor> monitors, DeadLetterLog deadLetters, RuntimeState runtime, ILogger<ActorSystemService> logger) : IHostedService
{
    /// <summary>How long the monitors get to drain on shutdown.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var supervisor = await monitors.GetAsync(cancellationToken).ConfigureAwait(false);
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "not-ready", () =>
        {
            runtime.ActorsRunning = false;
            return Task.FromResult(Akka.Done.Instance);
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-monitors", async () =>
        {
            var drained = await Drain(supervisor).ConfigureAwait(false);
            LogDrained(system.Name, drained, deadLetters.Count);
            return Akka.Done.Instance;
        });
        _ = system.WhenTerminated.ContinueWith(_ => runtime.ActorsRunning = false, TaskScheduler.Default);
        runtime.ActorsRunning = true;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        runtime.ActorsRunning = false;
        return Task.CompletedTask;
    }

    /// <summary>Lets every monitor finish the messages queued before it, then stops them; false if the timeout passed first.</summary>
    public static async Task<bool> Drain(IActorRef supervisor)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        try
        {
            return await supervisor.GracefulStop(DrainTimeout, new DrainMonitors()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TaskCanceledException or AskTimeoutException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Actor system {Name}: monitors stopped (mailboxes drained: {Drained}, dead letters: {DeadLetters})")]
    private partial void LogDrained(string name, bool drained, long deadLetters);
}
