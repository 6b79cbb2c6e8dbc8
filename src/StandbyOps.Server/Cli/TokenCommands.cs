using System.CommandLine;
using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Store;
using StandbyOps.Server.Api;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Database;
using StandbyOps.Storage.Migrations;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Cli;

/// <summary>
/// <c>token create</c> and <c>token list</c>, straight on the store the configuration names (no server needed): the
/// SQLite file under <c>--data-dir</c>, or the shared PostgreSQL database of <c>store:</c>.
/// </summary>
public static class TokenCommands
{
    /// <summary>Builds the <c>token</c> command.</summary>
    public static Command Build(Option<string> dataDir, Option<string> config, IClock clock)
    {
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", TokenRoles.Names)}.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'prometheus' or 'alice laptop'.", Required = true };
        var customer = new Option<string?>("--customer") { Description = "The customer a pusher or customer token belongs to." };

        var create = new Command("create", "Create an API token and print its secret (shown this once).") { role, name, customer };
        create.SetAction((result, cancellationToken) => CreateAsync(
            result.GetValue(dataDir)!, result.GetValue(config)!, new TokensApi.CreateTokenRequest(result.GetValue(name), result.GetValue(role), result.GetValue(customer)),
            clock, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));

        var list = new Command("list", "List live API tokens (never their secrets).");
        list.SetAction((result, cancellationToken) => ListAsync(
            result.GetValue(dataDir)!, result.GetValue(config)!, clock, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));

        var token = new Command("token", "Manage API tokens.");
        token.Subcommands.Add(create);
        token.Subcommands.Add(list);
        return token;
    }

    private static async Task<int> CreateAsync(string dataDirectory, string configPath, TokensApi.CreateTokenRequest request, IClock clock, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var config = await ConfigurationOrDefaultsAsync(configPath, dataDirectory, error).ConfigureAwait(false);
        if (config is null)
        {
            return ConfigurationGate.InvalidConfigExitCode;
        }

        var problems = TokensApi.Validate(request, config, out var tokenRole);
        if (problems.Count > 0)
        {
            foreach (var (field, messages) in problems)
            {
                await error.WriteLineAsync($"--{field}: {string.Join(" ", messages)}").ConfigureAwait(false);
            }

            return 1;
        }

        var tokens = new TokenStore(await OpenStoreAsync(config.Store, dataDirectory, clock, cancellationToken).ConfigureAwait(false));
        var (token, secret) = await tokens.CreateAsync(request.Name!.Trim(), tokenRole, request.Customer, "cli", clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Created token {token.Id} '{token.Name}' with role {token.Role.ToName()}{(token.Customer is null ? string.Empty : $" for customer {token.Customer}")}.").ConfigureAwait(false);
        await output.WriteLineAsync("Secret (shown only now; send it as 'Authorization: Bearer <secret>'):").ConfigureAwait(false);
        await output.WriteLineAsync(secret).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListAsync(string dataDirectory, string configPath, IClock clock, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Listing needs no configuration but the store's: without a configuration file the store is the embedded one.
        var store = StoreConfig.Embedded;
        if (File.Exists(configPath))
        {
            var config = ConfigurationGate.Load(configPath, error);
            if (config is null)
            {
                return ConfigurationGate.InvalidConfigExitCode;
            }

            store = config.Store;
        }

        var tokens = new TokenStore(await OpenStoreAsync(store, dataDirectory, clock, cancellationToken).ConfigureAwait(false));
        foreach (var token in await tokens.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            await output.WriteLineAsync($"{token.Id}\t{token.Role.ToName()}\t{token.Customer ?? "-"}\t{token.Name}\t{token.CreatedAt}").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// The configuration, or, when the default <c>./standbyops.yaml</c> is absent, the built-in defaults (the embedded
    /// SQLite store in the data directory), so the first token needs no file; a file named with <c>--config</c> must exist.
    /// </summary>
    private static async Task<StandbyOpsConfig?> ConfigurationOrDefaultsAsync(string configPath, string dataDirectory, TextWriter error)
    {
        if (configPath != ServerSettings.DefaultConfigPath || File.Exists(configPath))
        {
            return ConfigurationGate.Load(configPath, error);
        }

        await error.WriteLineAsync(
            $"No configuration file at {configPath}: using the defaults (SQLite store in {Path.GetFullPath(dataDirectory)}). A customer's or pusher's token needs the configuration that names the customer (--config).").ConfigureAwait(false);
        return ConfigLoader.Load("{}", "(defaults)", _ => null).Config;
    }

    private static async Task<IDatabase> OpenStoreAsync(StoreConfig store, string dataDirectory, IClock clock, CancellationToken cancellationToken)
    {
        var database = StoreFactory.Open(store, dataDirectory);
        await new MigrationRunner(database, clock).ApplyAsync(StoreSchema.Migrations, cancellationToken).ConfigureAwait(false);
        return database;
    }
}
