using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Monitoring;

/// <summary>
/// The real server on virtual time (Tue 24 Nov 2026 19:00 Amsterdam, inside agreed standby),
/// watching a loopback HTTP target and a heartbeat, observed only through its HTTP API.
/// </summary>
public sealed class MonitoringEndToEndTests
{
    private const string Start = "2026-11-24T18:00:00Z";
    private const string HeartbeatToken = "e2e-heartbeat-token-7f3a9c";

    private static string ConfigFor(Uri healthUrl) => TestConfigs.Minimal + $$"""

            systems:
              web:
                name: ACME web
                criticality: high
                checks:
                  home:
                    http: { url: "{{healthUrl}}", expectStatus: [200], bodyContains: "ok" }
                    interval: 10s
                    timeout: 2s
                    failureThreshold: 3
                    successThreshold: 2
                heartbeats:
                  backup: { token: "{{HeartbeatToken}}", period: 1h, grace: 10m }
        """;

    private static Dictionary<string, string> Environment(string start = Start) => new()
    {
        ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
        ["STANDBYOPS_VIRTUAL_TIME"] = start,
    };

    private static async Task AdvanceAsync(HttpClient admin, double seconds)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement[]> IncidentsAsync(HttpClient admin) =>
        (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray().ToArray();

    private static async Task<JsonElement> CheckStatusAsync(HttpClient admin, string id)
    {
        var systems = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/systems?customer=acme"), HttpStatusCode.OK);
        return systems.EnumerateArray().Single(s => s.GetProperty("system").GetString() == "web")
            .GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
    }

    /// <summary>Once the monitor armed its check, advances one check interval and waits until the server has probed the target and recorded the result.</summary>
    private static async Task RunCheckAsync(HttpClient admin, HttpTarget target)
    {
        await Monitors.ArmedAsync(admin, "acme", "web", "home");
        var hits = target.Hits;
        await AdvanceAsync(admin, 10);
        await Poll.UntilAsync(() => Task.FromResult(target.Hits > hits), "the target was probed");
        var probedAt = (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/admin/clock"), HttpStatusCode.OK)).GetProperty("now").GetString();
        await Poll.UntilAsync(async () => (await CheckStatusAsync(admin, "home")).GetProperty("lastAt").GetString() == probedAt, "the result was recorded");
    }

    [Fact]
    public async Task A_failing_http_check_opens_one_incident_after_the_threshold_and_resolves_on_recovery()
    {
        using var directory = new TempDirectory();
        await using var target = await HttpTarget.StartAsync();
        await using var server = await ServerProcess.StartAsync(directory.Write("standbyops.yaml", ConfigFor(target.HealthUrl)), directory.File("data"), Environment());
        using var admin = server.ClientWithToken(RunningServer.AdminSecret);

        await RunCheckAsync(admin, target); // first run after the start-up jitter
        Assert.Equal("up", (await CheckStatusAsync(admin, "home")).GetProperty("state").GetString());

        target.Healthy = false;
        await RunCheckAsync(admin, target);
        await RunCheckAsync(admin, target);
        Assert.Empty(await IncidentsAsync(admin));
        await RunCheckAsync(admin, target);
        for (var i = 0; i < 5; i++)
        {
            await RunCheckAsync(admin, target);
        }

        var incident = Assert.Single(await IncidentsAsync(admin));
        Assert.Equal("2026-000001", incident.GetProperty("caseNumber").GetString());
        Assert.Equal("P2", incident.GetProperty("priority").GetString());
        Assert.Equal("check", incident.GetProperty("source").GetString());
        Assert.Equal("web/home", incident.GetProperty("dedupKey").GetString());
        Assert.Equal("open", incident.GetProperty("state").GetString());
        var status = await CheckStatusAsync(admin, "home");
        Assert.Equal("down", status.GetProperty("state").GetString());
        Assert.Equal("HTTP 503 (expected 200)", status.GetProperty("reason").GetString());

        var detail = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/incidents/2026-000001"), HttpStatusCode.OK);
        var opened = detail.GetProperty("timeline").EnumerateArray().First();
        Assert.Equal("opened", opened.GetProperty("kind").GetString());

        target.Healthy = true;
        await RunCheckAsync(admin, target);
        await RunCheckAsync(admin, target);

        await Poll.UntilAsync(async () => (await IncidentsAsync(admin)).Single().GetProperty("state").GetString() == "resolved", "the incident resolved");
        Assert.Equal("up", (await CheckStatusAsync(admin, "home")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_missed_heartbeat_opens_an_incident_and_the_next_ping_resolves_it()
    {
        using var directory = new TempDirectory();
        await using var target = await HttpTarget.StartAsync();
        await using var server = await ServerProcess.StartAsync(directory.Write("standbyops.yaml", ConfigFor(target.HealthUrl)), directory.File("data"), Environment());
        using var admin = server.ClientWithToken(RunningServer.AdminSecret);

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync($"/ping/{HeartbeatToken}")).StatusCode);
        await AdvanceAsync(admin, 69 * 60);
        Assert.DoesNotContain(await IncidentsAsync(admin), i => i.GetProperty("source").GetString() == "heartbeat");

        await AdvanceAsync(admin, 2 * 60);

        var incident = await Poll.UntilAsync(async () => (await IncidentsAsync(admin)).Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("source").GetString() == "heartbeat") is { } found ? (object)found : null, "heartbeat incident");
        var opened = (JsonElement)incident;
        Assert.Equal("web/backup", opened.GetProperty("dedupKey").GetString());

        Assert.Equal(HttpStatusCode.OK, (await server.Http.PostAsync($"/ping/{HeartbeatToken}/0", null)).StatusCode);
        await Poll.UntilAsync(async () => (await IncidentsAsync(admin)).Single(i => i.GetProperty("source").GetString() == "heartbeat").GetProperty("state").GetString() == "resolved", "heartbeat incident resolved");
    }

    [Fact]
    public async Task A_heartbeat_deadline_survives_a_SIGKILL_restart()
    {
        using var directory = new TempDirectory();
        await using var target = await HttpTarget.StartAsync();
        var config = directory.Write("standbyops.yaml", ConfigFor(target.HealthUrl));
        await using (var first = await ServerProcess.StartAsync(config, directory.File("data"), Environment()))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync($"/ping/{HeartbeatToken}")).StatusCode);
            await first.KillAsync();
        }

        // Restarted 30 minutes later: the stored deadline (18:00 + 1h + 10m) still holds; a reset one would be 19:40.
        await using var second = await ServerProcess.StartAsync(config, directory.File("data"), Environment("2026-11-24T18:30:00Z"));
        using var admin = second.ClientWithToken(RunningServer.AdminSecret);
        await AdvanceAsync(admin, 41 * 60);

        await Poll.UntilAsync(async () => (await IncidentsAsync(admin)).Any(i => i.GetProperty("source").GetString() == "heartbeat"), "heartbeat incident after restart");
    }

    [Fact]
    public async Task Unknown_ping_tokens_get_404_and_bad_suffixes_400_without_a_token()
    {
        using var directory = new TempDirectory();
        await using var target = await HttpTarget.StartAsync();
        await using var server = await ServerProcess.StartAsync(directory.Write("standbyops.yaml", ConfigFor(target.HealthUrl)), directory.File("data"), Environment());

        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/ping/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Http.GetAsync($"/ping/{HeartbeatToken}/explode")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/ping/{HeartbeatToken}/start"))).StatusCode);
    }
}
