using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Hosting;
using StandbyOps.Configuration;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Monitoring;

/// <summary>
/// Connects the monitor actors (one per system, under the <see cref="MonitorSupervisor"/> that Akka.Hosting
/// started) to the rest of the host: keeps the heartbeat directory in step with the configuration, and applies
/// reloads — including SIGHUP — to both.
/// </summary>
public sealed partial class MonitoringHost(IRequiredActor<MonitorSupervisor> monitors, LiveConfig config, ILogger<MonitoringHost> logger) : IHostedService, IDisposable
{
    private IActorRef? _supervisor;
    private HeartbeatDirectory _directory = new(config.Current);
    private PosixSignalRegistration? _sighup;

    /// <summary>The supervisor of the system monitors; valid once started.</summary>
    public IActorRef Supervisor => _supervisor ?? throw new InvalidOperationException("Monitoring has not started.");

    /// <summary>The heartbeat tokens in force.</summary>
    public HeartbeatDirectory Directory => Volatile.Read(ref _directory);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _supervisor = await monitors.GetAsync(cancellationToken).ConfigureAwait(false);
        config.Changed += Apply;
        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Reload("SIGHUP");
        });
        LogStarted(MonitorSupervisor.SystemsOf(config.Current).Count());
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        config.Changed -= Apply;
        return Task.CompletedTask;
    }

    /// <summary>Reloads the configuration file and logs the outcome.</summary>
    public ConfigLoadResult Reload(string trigger)
    {
        var result = config.Reload();
        foreach (var diagnostic in result.Diagnostics)
        {
            LogDiagnostic(diagnostic.ToString());
        }

        LogReloaded(trigger, !result.HasErrors);
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _sighup?.Dispose();

    private void Apply(StandbyOpsConfig next)
    {
        Volatile.Write(ref _directory, new HeartbeatDirectory(next));
        Supervisor.Tell(new ApplyConfiguration(next));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring {Count} systems")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private partial void LogDiagnostic(string diagnostic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration reload ({Trigger}): {Applied}")]
    private partial void LogReloaded(string trigger, bool applied);
}
