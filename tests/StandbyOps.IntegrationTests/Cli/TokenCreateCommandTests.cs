using System.Net;
using Npgsql;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Cli;

public sealed class TokenCreateCommandTests
{
    [Fact]
    public async Task A_token_created_on_the_command_line_authenticates_against_the_server()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal);

        var created = await ServerProcess.RunCliAsync(["token", "create", "--role", "admin", "--name", "ops laptop", "--data-dir", directory.File("data"), "--config", config]);
        Assert.True(created.ExitCode == 0, created.StandardError);
        var secret = created.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

        var listed = await ServerProcess.RunCliAsync(["token", "list", "--data-dir", directory.File("data")]);
        Assert.Contains("ops laptop", listed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.StandardOutput, StringComparison.Ordinal);

        await using var server = await ServerProcess.StartAsync(config, directory.File("data"));
        using var client = server.ClientWithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens")).StatusCode);
    }

    [SkippableFact]
    public async Task With_a_postgres_store_the_token_is_created_and_listed_in_postgres_and_authenticates()
    {
        using var directory = new TempDirectory();
        var postgres = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("cli");
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal + "\nstore:\n  kind: postgres\n  connectionString: ${STANDBYOPS_PG}\n");
        var environment = new Dictionary<string, string> { ["STANDBYOPS_PG"] = postgres };

        var created = await ServerProcess.RunCliAsync(["token", "create", "--role", "admin", "--name", "ops laptop", "--data-dir", directory.File("data"), "--config", config], environment);
        Assert.True(created.ExitCode == 0, created.StandardError);
        var secret = created.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var listed = await ServerProcess.RunCliAsync(["token", "list", "--data-dir", directory.File("data"), "--config", config], environment);

        Assert.True(listed.ExitCode == 0, listed.StandardError);
        Assert.Contains("ops laptop", listed.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.File("data"), "standbyops.db")));
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM api_tokens WHERE name = 'ops laptop'", connection);
            Assert.Equal(1L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await using var server = await ServerProcess.StartAsync(config, directory.File("data"), environment);
        using var client = server.ClientWithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens")).StatusCode);
    }

    [Fact]
    public async Task Token_create_without_a_configuration_file_uses_the_embedded_store_in_data_and_says_so()
    {
        using var directory = new TempDirectory();

        var created = await ServerProcess.RunCliAsync(["token", "create", "--role", "admin", "--name", "first"], workingDirectory: directory.Path);

        Assert.True(created.ExitCode == 0, created.StandardError);
        Assert.Contains("No configuration file at ./standbyops.yaml: using the defaults (SQLite store in " + directory.File("data"), created.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory.File("data"), "standbyops.db")));
        var secret = created.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        await using var server = await ServerProcess.StartAsync(directory.Write("standbyops.yaml", TestConfigs.Minimal), directory.File("data"));
        using var client = server.ClientWithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens")).StatusCode);
    }

    [Fact]
    public async Task Token_create_with_a_named_configuration_that_is_missing_is_refused()
    {
        using var directory = new TempDirectory();

        var result = await ServerProcess.RunCliAsync(["token", "create", "--role", "admin", "--name", "n", "--config", directory.File("missing.yaml")], workingDirectory: directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.yaml", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("data")));
    }

    [Fact]
    public async Task A_pusher_token_for_an_unknown_customer_is_refused()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal);

        var result = await ServerProcess.RunCliAsync(["token", "create", "--role", "pusher", "--name", "n", "--customer", "globex", "--data-dir", directory.File("data"), "--config", config]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("globex", result.StandardError, StringComparison.Ordinal);
    }
}
