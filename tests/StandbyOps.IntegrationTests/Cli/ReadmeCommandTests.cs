using System.Diagnostics;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Cli;

/// <summary>The README's first command, typed where the README says: in the repository's root folder.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void The_readmes_run_command_reads_the_demo_configuration_of_the_folder_it_is_typed_in()
    {
        var run = File.ReadAllLines(RepoFiles.Path("README.md")).Select(l => l.Trim()).First(l => l.StartsWith("dotnet run ", StringComparison.Ordinal));
        // The test run built the server already (in this assembly's configuration); check-config loads exactly the
        // configuration the server would start with, and stops.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

        var result = ExternalTool.Run("bash", ["-c", $"{run} --no-build -c {configuration} -- check-config"], string.Empty, TimeSpan.FromMinutes(2), RepoFiles.Path());

        Assert.True(result.ExitCode == 0, $"'{run}' exited {result.ExitCode}:\n{result.StandardOutput}{result.StandardError}");
        Assert.Contains("./standbyops.yaml: valid", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readmes_run_command_prints_the_next_steps_with_the_token_command_to_type_in_the_same_folder()
    {
        var run = File.ReadAllLines(RepoFiles.Path("README.md")).Select(l => l.Trim()).First(l => l.StartsWith("dotnet run ", StringComparison.Ordinal));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        using var directory = new TempDirectory();
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
        // The README's command as typed in the repository root; only the port and the data directory are the test's own.
        var info = new ProcessStartInfo("bash") { WorkingDirectory = RepoFiles.Path() };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec {run} --no-build -c {configuration} -- --urls {address.ToString().TrimEnd('/')} --data-dir {directory.File("data")}");
        info.Environment.Remove("STANDBYOPS_ADMIN_TOKEN");
        await using var server = await ComponentProcess.StartAsync("The README's server", info, address, "/readyz", TimeSpan.FromSeconds(90));

        await Poll.UntilAsync(() => Task.FromResult(server.Output.Contains("Next steps 3/3", StringComparison.Ordinal)), "the next steps are printed");

        Assert.Contains($"Next steps 1/3: the web UI is at {address}", server.Output, StringComparison.Ordinal);
        Assert.Contains($"Next steps 2/3: create the first token in another terminal: dotnet run --project src/StandbyOps.Server -- token create --role admin --name me --data-dir {directory.File("data")} (it prints", server.Output, StringComparison.Ordinal);
        Assert.Contains("Next steps 3/3: SMS provider 'log'", server.Output, StringComparison.Ordinal);
    }
}
