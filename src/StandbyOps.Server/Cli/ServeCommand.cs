using NodaTime;
using NodaTime.Text;
using StandbyOps.Configuration.Store;
using StandbyOps.Server.Api;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Cli;

/// <summary>The default verb: validate the configuration, prepare the store, serve until SIGTERM/Ctrl+C.</summary>
public static class ServeCommand
{
    /// <summary>The exit code of a server refused because another one uses its data directory (SQLite store).</summary>
    public const int DataDirectoryInUseExitCode = 4;

    /// <summary>Runs the server; returns the process exit code.</summary>
    public static async Task<int> RunAsync(ServerSettings settings, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = ConfigurationGate.Load(settings.ConfigPath, Console.Error);
        if (config is null)
        {
            return ConfigurationGate.InvalidConfigExitCode;
        }

        var virtualStart = VirtualStart();
        if (virtualStart is not null && config.Cluster is not null)
        {
            await Console.Error.WriteLineAsync($"{VirtualClockApi.Variable} runs one node, but the configuration has cluster:. Fix: unset {VirtualClockApi.Variable}, or remove cluster: to run one node.").ConfigureAwait(false);
            return ConfigurationGate.InvalidConfigExitCode;
        }

        // SQLite is single-node: a second server on the same data directory would page every engineer twice.
        using var dataLock = config.Store.Kind == StoreKind.Postgres ? null : DataDirectoryLock.TryAcquire(settings.DataDirectory, Environment.ProcessId);
        if (config.Store.Kind != StoreKind.Postgres && dataLock is null)
        {
            await Console.Error.WriteLineAsync(
                $"Data directory {Path.GetFullPath(settings.DataDirectory)} is in use by another StandbyOps server (it holds {DataDirectoryLock.PathIn(settings.DataDirectory)}): run one server per data directory, or choose another with --data-dir.").ConfigureAwait(false);
            return DataDirectoryInUseExitCode;
        }

        var time = virtualStart is { } start ? new VirtualClock(start) : clock;
        await using var app = ServerHost.Build(settings, config, time);
        await ServerHost.PrepareStoreAsync(app.Services, cancellationToken).ConfigureAwait(false);
        FirstSteps.LogWhenStarted(app, settings);
        try
        {
            await app.RunAsync().ConfigureAwait(false);
        }
        catch (IOException e) when (AddressInUse.Is(e))
        {
            await Console.Error.WriteLineAsync(AddressInUse.Describe(e, settings.Urls)).ConfigureAwait(false);
            return AddressInUse.ExitCode;
        }

        // 0, unless the cluster removed this node (ClusterWatcher): then non-zero, so its supervisor restarts it.
        return Environment.ExitCode;
    }

    private static Instant? VirtualStart()
    {
        var text = Environment.GetEnvironmentVariable(VirtualClockApi.Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new InvalidOperationException($"{VirtualClockApi.Variable}='{text}' is not an ISO-8601 instant such as 2026-11-24T19:00:00Z.");
    }
}
