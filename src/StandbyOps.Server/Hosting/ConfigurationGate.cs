using StandbyOps.Configuration;

namespace StandbyOps.Server.Hosting;

/// <summary>Loads and fully validates <c>standbyops.yaml</c> before anything starts, printing every diagnostic.</summary>
public static class ConfigurationGate
{
    /// <summary>The exit code of a run refused for its configuration.</summary>
    public const int InvalidConfigExitCode = 2;

    /// <summary>Loads the file; returns null (after printing the errors to <paramref name="error"/>) when it is invalid.</summary>
    public static StandbyOpsConfig? Load(string path, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var result = ConfigLoader.LoadFile(path, Environment.GetEnvironmentVariable);
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (result.HasErrors || result.Config is null)
        {
            var count = result.Errors.Count();
            error.WriteLine($"{path}: {count} error{(count == 1 ? string.Empty : "s")}; nothing was started.");
            return null;
        }

        return result.Config;
    }
}
