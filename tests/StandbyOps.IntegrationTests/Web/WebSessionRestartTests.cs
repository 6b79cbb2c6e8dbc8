using System.Net;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The session cookie's keys live under the data directory, so a restart signs nobody out.</summary>
public sealed class WebSessionRestartTests
{
    [Fact]
    public async Task A_session_survives_a_restart_of_the_server_on_the_same_data_directory()
    {
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", TestConfigs.Minimal);
        var data = directory.File("data");
        var environment = new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret };
        CookieCollection cookies;
        await using (var first = await ServerProcess.StartAsync(config, data, environment))
        {
            using var browser = await FormClient.SignedInAsync(first.BaseAddress, RunningServer.AdminSecret);
            cookies = browser.Cookies.GetAllCookies();
        }

        await using var second = await ServerProcess.StartAsync(config, data, environment);
        using var again = new FormClient(second.BaseAddress);
        again.Cookies.Add(cookies);

        Assert.Equal(HttpStatusCode.OK, (await again.PageAsync("/incidents")).Status);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(data, "keys"), "key-*.xml"));
    }
}
