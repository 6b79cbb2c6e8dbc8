using System.Net;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The status page: each system's checks and heartbeats, and for a customer only its own systems.</summary>
public sealed class SystemPagesTests(WebServer running) : IClassFixture<WebServer>
{
    [Fact]
    public async Task A_customer_sees_the_state_of_its_own_systems_only()
    {
        await PingAcmeBackupAsync();
        var (_, secret, _) = await running.NamedTokenAsync("customer", "acme");
        using var portal = await FormClient.SignedInAsync(running.Server.BaseAddress, secret);

        var (status, html) = await portal.PageAsync("/systems");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ACME web shop <span class=\"badge up\">up</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Check\">backup</td><td data-label=\"Kind\">heartbeat</td><td data-label=\"State\"><span class=\"badge up\">up</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("(times in Europe/Amsterdam)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_every_customers_systems()
    {
        var (_, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(running.Server.BaseAddress, secret);

        var (status, html) = await browser.PageAsync("/systems");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ACME web shop", html, StringComparison.Ordinal);
        Assert.Contains("Globex ERP", html, StringComparison.Ordinal);
    }

    private async Task PingAcmeBackupAsync()
    {
        using var ping = await running.Server.Http.GetAsync(new Uri($"/ping/{WebServer.AcmeHeartbeat}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        await Poll.UntilAsync(async () =>
        {
            var systems = await HttpAssert.JsonAsync(await running.Admin.GetAsync(new Uri("/api/v1/systems?customer=acme", UriKind.Relative)), HttpStatusCode.OK);
            return systems.EnumerateArray().Single(s => s.GetProperty("system").GetString() == "web").GetProperty("state").GetString() == "up";
        }, "acme's backup heartbeat is up");
    }
}
