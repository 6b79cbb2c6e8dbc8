using System.Net;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Hosting;

public sealed class HealthAndShutdownTests
{
    [Fact]
    public async Task Health_and_readiness_answer_without_a_token_and_SIGTERM_exits_cleanly()
    {
        using var directory = new TempDirectory();
        await using var server = await ServerProcess.StartAsync(directory.Write("standbyops.yaml", TestConfigs.Minimal), directory.File("data"));

        var alive = await HttpAssert.JsonAsync(await server.Http.GetAsync("/healthz"), HttpStatusCode.OK);
        var ready = await HttpAssert.JsonAsync(await server.Http.GetAsync("/readyz"), HttpStatusCode.OK);
        Assert.Equal("alive", alive.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("store").GetBoolean());
        Assert.True(ready.GetProperty("actors").GetBoolean());

        var exitCode = await server.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.Contains("single-node", server.Output, StringComparison.Ordinal);
    }
}
