using StandbyOps.IntegrationTests.Support;
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
}
