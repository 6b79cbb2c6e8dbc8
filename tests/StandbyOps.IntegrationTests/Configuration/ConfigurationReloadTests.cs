using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Configuration;

/// <summary>
/// A reload that reports "applied" reaches every part of the running server: each test reloads one section to a new
/// value and shows the server acting on it. (Rate cards: <c>InvoiceLifecycleTests</c> reprices a draft after a reload;
/// <c>server.storeMaxSize</c>: <c>StoreFullTests</c>.)
/// </summary>
public sealed class ConfigurationReloadTests(ReloadServer server) : IClassFixture<ReloadServer>
{
    [Fact]
    public async Task A_push_rule_added_by_a_reload_is_evaluated()
    {
        await server.ReloadAsync(ReloadServer.Config());
        await PushDiskAsync(5e8);

        await server.ReloadAsync(ReloadServer.Config(webshop: """
                    pushRules:
                      disk-free:
                        job: node
                        metric: node_filesystem_avail_bytes
                        below: 1e9
                        priority: P2
            """));
        await PushDiskAsync(4e8);

        var incident = await server.IncidentAsync(i => i.GetProperty("dedupKey").GetString() == "webshop/disk-free", "an incident of the reloaded push rule");
        Assert.Equal(("acme", "webshop", "push", "open"), (incident.GetProperty("customer").GetString(), incident.GetProperty("system").GetString(),
            incident.GetProperty("source").GetString(), incident.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task An_alertmanager_route_added_by_a_reload_routes_the_next_alert()
    {
        await server.ReloadAsync(ReloadServer.Config());
        var before = Fingerprint();
        await AlertAsync(before, ("alertname", "Slow"), ("service", "shop"));
        Assert.Equal("unrouted", (await server.IncidentAsync(i => IsAlert(i, before), "the unrouted alert's incident")).GetProperty("system").GetString());

        await server.ReloadAsync(ReloadServer.Config(webshop: """
                    alertmanager:
                      match: { service: shop }
            """));
        var after = Fingerprint();
        await AlertAsync(after, ("alertname", "Slow"), ("service", "shop"));

        Assert.Equal("webshop", (await server.IncidentAsync(i => IsAlert(i, after), "the routed alert's incident")).GetProperty("system").GetString());
    }

    [Fact]
    public async Task A_system_and_heartbeat_added_by_a_reload_are_monitored_and_take_pings()
    {
        await server.ReloadAsync(ReloadServer.Config());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Server.Http.PostAsync("/ping/reloaded-heartbeat-token-5d1e", null)).StatusCode);

        await server.ReloadAsync(ReloadServer.Config(systems: """
                  backups:
                    name: ACME backups
                    criticality: low
                    heartbeats:
                      nightly: { token: "reloaded-heartbeat-token-5d1e", period: 1d, grace: 1h }
            """));

        await Poll.UntilAsync(async () => (await SystemsAsync()).Any(s => s.GetProperty("system").GetString() == "backups"
            && s.GetProperty("checks").EnumerateArray().Any(c => c.GetProperty("id").GetString() == "nightly")), "the reloaded system's heartbeat on /api/v1/systems");
        Assert.Equal(HttpStatusCode.OK, (await server.Server.Http.PostAsync("/ping/reloaded-heartbeat-token-5d1e", null)).StatusCode);
    }

    [Fact]
    public async Task Office_hours_changed_by_a_reload_decide_business_hours()
    {
        await server.ReloadAsync(ReloadServer.Config());
        Assert.True((await OnCallAsync()).GetProperty("inBusinessHours").GetBoolean());

        await server.ReloadAsync(ReloadServer.Config(calendar: ConfigBlocks.NlOfficeCalendar.Replace("08:30-17:00", "08:30-12:00", StringComparison.Ordinal)));

        Assert.False((await OnCallAsync()).GetProperty("inBusinessHours").GetBoolean());
    }

    [Fact]
    public async Task A_rotation_changed_by_a_reload_decides_who_is_on_call()
    {
        await server.ReloadAsync(ReloadServer.Config());
        var before = (await OnCallAsync()).GetProperty("onCall").GetProperty("engineer").GetString();

        await server.ReloadAsync(ReloadServer.Config(team: ConfigBlocks.OpsNlTeam().Replace("order: [anna, bram]", "order: [bram, anna]", StringComparison.Ordinal)));

        var after = (await OnCallAsync()).GetProperty("onCall").GetProperty("engineer").GetString();
        Assert.Equal((before == "anna" ? "bram" : "anna", true), (after, before is "anna" or "bram"));
    }

    [Fact]
    public async Task A_customer_added_by_a_reload_can_be_given_tokens()
    {
        await server.ReloadAsync(ReloadServer.Config());
        await HttpAssert.ProblemAsync(await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "initech-before", role = "customer", customer = "initech" }), HttpStatusCode.BadRequest);

        await server.ReloadAsync(ReloadServer.Config(customers: """
              initech:
                name: Initech
                calendar: nl-office
                rateCard: standard
            """));

        await HttpAssert.JsonAsync(await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "initech-after", role = "customer", customer = "initech" }), HttpStatusCode.Created);
    }

    private static string Fingerprint() => Guid.NewGuid().ToString("N")[..16];

    private static bool IsAlert(JsonElement incident, string fingerprint) =>
        incident.GetProperty("dedupKey").GetString()!.EndsWith("/" + fingerprint, StringComparison.Ordinal);

    private async Task PushDiskAsync(double value)
    {
        using var body = new StringContent(
            $"node_filesystem_avail_bytes {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n", Encoding.UTF8, "text/plain");
        using var response = await server.Acme.PutAsync("/metrics/job/node/instance/web-1", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AlertAsync(string fingerprint, params (string Name, string Value)[] labels)
    {
        var notification = new
        {
            version = "4",
            status = "firing",
            alerts = new[]
            {
                new { status = "firing", labels = labels.ToDictionary(l => l.Name, l => l.Value), annotations = new Dictionary<string, string> { ["summary"] = "Slow" }, fingerprint },
            },
        };
        using var response = await server.Acme.PostAsJsonAsync("/api/v1/alertmanager", notification);
        await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<JsonElement[]> SystemsAsync() =>
        [.. (await HttpAssert.JsonAsync(await server.Admin.GetAsync("/api/v1/systems?customer=acme"), HttpStatusCode.OK)).EnumerateArray()];

    private async Task<JsonElement> OnCallAsync() =>
        await HttpAssert.JsonAsync(await server.Admin.GetAsync("/api/v1/oncall?customer=acme"), HttpStatusCode.OK);
}
