using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StandbyOps.IntegrationTests.Push;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Alertmanager;

/// <summary><c>POST /api/v1/alertmanager</c> against the real server: firing opens one incident, resolved resolves it.</summary>
public sealed class AlertmanagerWebhookTests(PushServer server) : IClassFixture<PushServer>
{
    [Fact]
    public async Task A_firing_alert_opens_one_incident_and_its_resolution_resolves_it()
    {
        var fingerprint = Fingerprint();
        var firing = Notification("firing", fingerprint, ("alertname", "DiskFull"), ("customer", "acme"), ("system", "webshop"), ("severity", "critical"));

        await PostAsync(server.Acme, firing);
        await PostAsync(server.Acme, firing); // repeat_interval resend: still one incident

        var incidents = await IncidentsOfAsync(fingerprint);
        var incident = Assert.Single(incidents);
        Assert.Equal(("open", "P1", "alertmanager", "acme", "webshop", "Disk almost full"), (
            incident.GetProperty("state").GetString(), incident.GetProperty("priority").GetString(), incident.GetProperty("source").GetString(),
            incident.GetProperty("customer").GetString(), incident.GetProperty("system").GetString(), incident.GetProperty("title").GetString()));

        await PostAsync(server.Acme, Notification("resolved", fingerprint, ("alertname", "DiskFull"), ("customer", "acme"), ("system", "webshop")));

        Assert.Equal("resolved", Assert.Single(await IncidentsOfAsync(fingerprint)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_alert_matching_no_system_opens_an_incident_on_the_unrouted_system()
    {
        var fingerprint = Fingerprint();

        var receipt = await PostAsync(server.Acme, Notification("firing", fingerprint, ("alertname", "Watchdog")));

        var incident = Assert.Single(await IncidentsOfAsync(fingerprint));
        Assert.Equal(("acme", "unrouted"), (incident.GetProperty("customer").GetString(), incident.GetProperty("system").GetString()));
        Assert.Equal(1, receipt.GetProperty("unrouted").GetInt32());
    }

    [Fact]
    public async Task A_pusher_cannot_route_an_alert_to_another_customer()
    {
        var fingerprint = Fingerprint();

        await PostAsync(server.Acme, Notification("firing", fingerprint, ("alertname", "X"), ("customer", "globex")));

        Assert.Equal("acme", Assert.Single(await IncidentsOfAsync(fingerprint)).GetProperty("customer").GetString());
    }

    [Fact]
    public async Task An_admin_token_routes_across_customers_and_unmatched_alerts_to_the_unrouted_customer()
    {
        var routed = Fingerprint();
        var unmatched = Fingerprint();

        await PostAsync(server.Admin, Notification("firing", routed, ("alertname", "X"), ("customer", "globex")));
        await PostAsync(server.Admin, Notification("firing", unmatched, ("alertname", "Y")));

        Assert.Equal(("globex", "portal"), Route(Assert.Single(await IncidentsOfAsync(routed))));
        Assert.Equal(("unrouted", "unrouted"), Route(Assert.Single(await IncidentsOfAsync(unmatched))));
    }

    [Fact]
    public async Task A_resolved_notification_from_another_customer_does_not_resolve_the_incident()
    {
        var fingerprint = Fingerprint();
        await PostAsync(server.Acme, Notification("firing", fingerprint, ("alertname", "X"), ("customer", "acme"), ("system", "webshop")));

        await PostAsync(server.Globex, Notification("resolved", fingerprint, ("alertname", "X"), ("customer", "acme"), ("system", "webshop")));

        Assert.Equal("open", Assert.Single(await IncidentsOfAsync(fingerprint)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("""{"version":"3","alerts":[]}""", "version")]
    [InlineData("""{"version":"4"}""", "alerts")]
    [InlineData("""{"version":"4","alerts":[{"status":"firing","labels":{},"fingerprint":"FP"},{"status":"burning","labels":{},"fingerprint":"ok"}]}""", "alerts[1].status")]
    [InlineData("""{"version":"4","alerts":[{"status":"firing","labels":{"a":"b"},"fingerprint":"FP","startsAt":"noon"}]}""", "alerts[0].startsAt")]
    public async Task A_malformed_notification_gets_400_naming_the_field_and_records_nothing(string json, string field)
    {
        var fingerprint = Fingerprint();
        using var content = new StringContent(json.Replace("\"FP\"", $"\"{fingerprint}\"", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        var problem = await HttpAssert.ProblemAsync(await server.Acme.PostAsync("/api/v1/alertmanager", content), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await IncidentsOfAsync(fingerprint));
    }

    [Fact]
    public async Task Json_that_does_not_parse_gets_400()
    {
        using var content = new StringContent("""{"version":"4","alerts":[""", Encoding.UTF8, "application/json");

        await HttpAssert.ProblemAsync(await server.Acme.PostAsync("/api/v1/alertmanager", content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Other_roles_may_not_post_alerts()
    {
        using var created = await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "desk", role = "desk" });
        using var desk = server.Server.ClientWithToken((await HttpAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("secret").GetString()!);

        await HttpAssert.ProblemAsync(await desk.PostAsJsonAsync("/api/v1/alertmanager", new { version = "4", alerts = Array.Empty<object>() }), HttpStatusCode.Forbidden);
    }

    private static string Fingerprint() => Guid.NewGuid().ToString("N")[..16];

    private static (string?, string?) Route(JsonElement incident) => (incident.GetProperty("customer").GetString(), incident.GetProperty("system").GetString());

    /// <summary>A version 4 notification with one alert, including fields newer Alertmanagers add.</summary>
    private static object Notification(string status, string fingerprint, params (string Name, string Value)[] labels) => new Dictionary<string, object?>
    {
        ["receiver"] = "standbyops",
        ["status"] = status,
        ["alerts"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["status"] = status,
                ["labels"] = labels.ToDictionary(l => l.Name, l => l.Value),
                ["annotations"] = new Dictionary<string, string> { ["summary"] = "Disk almost full" },
                ["startsAt"] = "2026-11-20T13:59:00.5+01:00",
                ["endsAt"] = status == "resolved" ? "2026-11-20T14:00:00Z" : "0001-01-01T00:00:00Z",
                ["generatorURL"] = "http://prometheus:9090/graph",
                ["fingerprint"] = fingerprint,
            },
        },
        ["groupLabels"] = new Dictionary<string, string>(),
        ["commonLabels"] = new Dictionary<string, string>(),
        ["commonAnnotations"] = new Dictionary<string, string>(),
        ["externalURL"] = "http://alertmanager:9093",
        ["version"] = "4",
        ["groupKey"] = "{}:{}",
        ["truncatedAlerts"] = 0,
        ["notification_reason"] = "new_alerts",
    };

    private async Task<JsonElement> PostAsync(HttpClient client, object notification)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/alertmanager", notification);
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<JsonElement[]> IncidentsOfAsync(string fingerprint) =>
        [.. (await server.IncidentsAsync()).Where(i => i.GetProperty("dedupKey").GetString()!.EndsWith("/" + fingerprint, StringComparison.Ordinal))];
}
