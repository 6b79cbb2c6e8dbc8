using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Durability;

public sealed class KilledServerTests
{
    [Fact]
    public async Task A_write_acknowledged_right_before_SIGKILL_is_there_after_restart()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal);
        var environment = new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret };
        var acknowledged = new List<(string Id, string Secret)>();

        await using (var first = await ServerProcess.StartAsync(config, directory.File("data"), environment))
        {
            using var admin = first.ClientWithToken(RunningServer.AdminSecret);
            for (var i = 0; i < 20; i++)
            {
                using var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"written-{i}", role = "engineer" });
                var token = await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
                acknowledged.Add((token.GetProperty("id").GetString()!, token.GetProperty("secret").GetString()!));
            }

            // No shutdown code runs: what was acknowledged must already be on disk.
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(config, directory.File("data"), environment);
        using var restartedAdmin = second.ClientWithToken(RunningServer.AdminSecret);
        var listed = await HttpAssert.JsonAsync(await restartedAdmin.GetAsync("/api/v1/tokens"), HttpStatusCode.OK);
        var ids = listed.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.Id, ids));

        using var lastWritten = second.ClientWithToken(acknowledged[^1].Secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await lastWritten.GetAsync("/api/v1/tokens")).StatusCode);
    }
}
