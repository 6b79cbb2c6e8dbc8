namespace StandbyOps.Server.Hosting;

/// <summary>What the command line fixes for one run: where to listen, keep data and read the configuration.</summary>
public sealed record ServerSettings(string Urls, string DataDirectory, string ConfigPath)
{
    /// <summary>The default listen address.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The default data directory, relative to the working directory.</summary>
    public const string DefaultDataDirectory = "./data";

    /// <summary>The default configuration file, relative to the working directory.</summary>
    public const string DefaultConfigPath = "./standbyops.yaml";

    /// <summary>The variable whose value becomes an admin token's secret.</summary>
    public const string AdminTokenVariable = "STANDBYOPS_ADMIN_TOKEN";
}
