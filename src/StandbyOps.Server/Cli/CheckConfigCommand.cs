using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Cli;

/// <summary><c>check-config</c>: validation only, nothing else starts.</summary>
public static class CheckConfigCommand
{
    /// <summary>Validates <paramref name="path"/>; prints a summary when valid.</summary>
    public static int Run(string path, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        var config = ConfigurationGate.Load(path, error);
        if (config is null)
        {
            return ConfigurationGate.InvalidConfigExitCode;
        }

        var systems = config.Customers.Values.Sum(c => c.Systems.Count);
        output.WriteLine($"{path}: valid ({config.Customers.Count} customers, {systems} systems, {config.Teams.Count} teams, {config.Calendars.Count} calendars, {config.RateCards.Count} rate cards).");
        return 0;
    }
}
