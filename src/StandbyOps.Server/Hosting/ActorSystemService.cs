using NodaTime;
using StandbyOps.Actors;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// Owns the process's actor system: ready once the host has started, and on SIGTERM it stops
/// accepting messages and drains every mailbox before the process exits.
/// </summary>
public sealed partial class ActorSystemService(ActorSystem system, RuntimeState runtime, ILogger<ActorSystemService> logger) : IHostedService
{
    private static readonly Duration DrainTimeout = Duration.FromSeconds(20);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.ActorsRunning = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        runtime.ActorsRunning = false;
        var drained = await system.ShutdownAsync(DrainTimeout).ConfigureAwait(false);
        LogStopped(system.Name, drained, system.Metrics.DeadLetters);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Actor system {Name} stopped (mailboxes drained: {Drained}, dead letters: {DeadLetters})")]
    private partial void LogStopped(string name, bool drained, long deadLetters);
}
