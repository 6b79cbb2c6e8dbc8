using System.CommandLine;
using NodaTime;
using StandbyOps.Server.Hosting;

namespace StandbyOps.Server.Cli;

/// <summary>The executable's verbs: serving (the default), <c>check-config</c>, <c>token create|list</c>.</summary>
public static class StandbyOpsCommandLine
{
    /// <summary>Builds the root command. <paramref name="clock"/> is the process clock, injected from <c>Main</c>.</summary>
    public static RootCommand Build(IClock clock)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => ServerSettings.DefaultUrls, Recursive = true };
        var dataDir = new Option<string>("--data-dir") { Description = "Where the SQLite store lives.", DefaultValueFactory = _ => ServerSettings.DefaultDataDirectory, Recursive = true };
        var config = new Option<string>("--config") { Description = "The standbyops.yaml to load.", DefaultValueFactory = _ => ServerSettings.DefaultConfigPath, Recursive = true };

        var root = new RootCommand("StandbyOps: monitoring, incident tickets, SMS standby paging and standby billing.");
        root.Options.Add(urls);
        root.Options.Add(dataDir);
        root.Options.Add(config);
        root.SetAction((result, cancellationToken) =>
            ServeCommand.RunAsync(new ServerSettings(result.GetValue(urls)!, result.GetValue(dataDir)!, result.GetValue(config)!), clock, cancellationToken));

        var checkConfig = new Command("check-config", "Validate the configuration file and exit: 0 when valid, 2 with every error otherwise.");
        checkConfig.SetAction(result => CheckConfigCommand.Run(result.GetValue(config)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        root.Subcommands.Add(checkConfig);

        root.Subcommands.Add(TokenCommands.Build(dataDir, config, clock));
        root.Subcommands.Add(HolidaysCommand.Build(clock));
        root.Subcommands.Add(HealthcheckCommand.Build());
        root.Subcommands.Add(InvoicesExportCommand.Build(dataDir, config, clock));
        return root;
    }
}
