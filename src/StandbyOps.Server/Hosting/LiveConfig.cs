using StandbyOps.Configuration;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// The configuration in force. A reload (SIGHUP or <c>POST /api/v1/admin/reload</c>) validates the
/// file fully first; an invalid file changes nothing and reports every error.
/// </summary>
public sealed class LiveConfig(StandbyOpsConfig initial, ServerSettings settings)
{
    private readonly Lock _gate = new();
    private StandbyOpsConfig _current = initial;

    /// <summary>Raised after a valid configuration replaced the previous one.</summary>
    public event Action<StandbyOpsConfig>? Changed;

    /// <summary>The configuration in force.</summary>
    public StandbyOpsConfig Current => Volatile.Read(ref _current);

    /// <summary>Reloads the file named on the command line; returns the diagnostics (errors leave the old configuration in force).</summary>
    public ConfigLoadResult Reload()
    {
        lock (_gate)
        {
            var result = ConfigLoader.LoadFile(settings.ConfigPath, Environment.GetEnvironmentVariable);
            if (!result.HasErrors && result.Config is { } config)
            {
                Volatile.Write(ref _current, config);
                Changed?.Invoke(config);
            }

            return result;
        }
    }
}
