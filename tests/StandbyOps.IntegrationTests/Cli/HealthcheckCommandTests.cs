using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Cli;

/// <summary><c>healthcheck</c>: the container health check (the runtime image has no curl).</summary>
public sealed class HealthcheckCommandTests
{
    [Fact]
    public async Task Healthcheck_exits_0_for_a_ready_server_and_1_with_one_line_when_nothing_answers()
    {
        using var directory = new TempDirectory();
        await using var server = await ServerProcess.StartAsync(directory.Write("standbyops.yaml", TestConfigs.Minimal), directory.File("data"));

        var ready = await ServerProcess.RunCliAsync(["healthcheck", "--url", new Uri(server.BaseAddress, "/readyz").ToString()]);
        Assert.True(ready.ExitCode == 0, ready.StandardOutput + ready.StandardError);
        Assert.Contains("answered 200", ready.StandardOutput, StringComparison.Ordinal);

        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
        var down = await ServerProcess.RunCliAsync(["healthcheck", "--url", new Uri(server.BaseAddress, "/readyz").ToString()]);

        Assert.Equal(1, down.ExitCode);
        var line = Assert.Single(down.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("healthcheck: ", line, StringComparison.Ordinal);
        Assert.Contains("did not answer", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compose_file_and_the_image_use_the_healthcheck_verb()
    {
        var compose = await File.ReadAllTextAsync(RepoFiles.Path("docker-compose.yml"));
        var dockerfile = await File.ReadAllTextAsync(RepoFiles.Path("Dockerfile"));

        Assert.Contains("\"healthcheck\"", compose, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", dockerfile, StringComparison.Ordinal);
        Assert.Contains("healthcheck", dockerfile[dockerfile.IndexOf("HEALTHCHECK", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
