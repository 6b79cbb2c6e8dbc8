using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.FakeTwilio;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Configuration;

/// <summary>
/// A reload that reports "applied" reaches every part of the running server: each test reloads one section to a new
/// value and shows the server acting on it. (Rate cards: <c>InvoiceLifecycleTests</c> reprices a draft after a reload;
/// <c>server.storeMaxSize</c>: <c>StoreFullTests</c>.)
/// </summary>
public sealed class ConfigurationReloadTests(ReloadServer server) : IClassFixture<ReloadServer>
{
    private static readonly Uri PublicUrl = new("http://127.0.0.1:8080");

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

    [Fact]
    public async Task The_sms_provider_account_and_sender_changed_by_a_reload_send_the_next_page()
    {
        await using var first = await FakeTwilioServer.StartAsync();
        await using var second = await FakeTwilioServer.StartAsync();
        const string FirstFrom = "+3197010000001";
        const string SecondFrom = "+3197010000002";

        // Office hours with a duty rotation: each alert pages the duty engineer, anna, once.
        await server.ReloadAsync(PagingConfig(ConfigBlocks.TwilioSmsServer(PublicUrl, first, FirstFrom)));
        await PageAsync();
        var byFirst = await first.WaitForRequestsAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal((201, first.AccountSid, FirstFrom, ConfigBlocks.AnnaPhone), (byFirst[0].Status, byFirst[0].Username, byFirst[0].Form["From"], byFirst[0].Form["To"]));

        // Another account (SID, token), API root and sender number: the fake refuses any other credentials with 401.
        await server.ReloadAsync(PagingConfig(ConfigBlocks.TwilioSmsServer(PublicUrl, second, SecondFrom)));
        await PageAsync();
        var bySecond = await second.WaitForRequestsAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal((201, second.AccountSid, second.AuthToken, SecondFrom, ConfigBlocks.AnnaPhone),
            (bySecond[0].Status, bySecond[0].Username, bySecond[0].Password, bySecond[0].Form["From"], bySecond[0].Form["To"]));

        // Back to the simulated (log) provider: the page lands in the outbox and no Twilio hears of it.
        var outboxBefore = await OutboxCountAsync();
        await server.ReloadAsync(PagingConfig(ConfigBlocks.LogSmsServer));
        await PageAsync();
        await Poll.UntilAsync(async () => await OutboxCountAsync() > outboxBefore, "the page in the log provider's outbox");
        Assert.Equal((byFirst.Count, bySecond.Count), (first.Requests.Count, second.Requests.Count));
    }

    /// <summary>Alerts with <c>service=pager</c> go to webshop, and <c>ops-nl</c> has anna on office-hours duty; <paramref name="head"/> holds <c>server</c> and <c>sms</c>.</summary>
    private static string PagingConfig(string head) => ReloadServer.Config(
        head: head,
        webshop: """
                    alertmanager:
                      match: { service: pager }
            """,
        team: ConfigBlocks.OpsNlTeam() + "\n" + """    duty: { every: day, handover: "08:30", order: [anna], start: "2026-01-05" }""");

    /// <summary>Raises a routed alert, waits for its paging start, then lets the virtual clock run 20 s, past the group wait, so the relay sends the page.</summary>
    private async Task PageAsync()
    {
        await AlertAsync(Fingerprint(), ("alertname", "Down"), ("service", "pager"));
        await IntentRuns.WaitForPagingStartsOfEveryIncidentAsync(server.Admin);
        using var advance = await server.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 20 });
        await HttpAssert.JsonAsync(advance, HttpStatusCode.OK);
    }

    private async Task<int> OutboxCountAsync() =>
        (await HttpAssert.JsonAsync(await server.Admin.GetAsync("/api/v1/sms/outbox"), HttpStatusCode.OK)).GetArrayLength();

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
