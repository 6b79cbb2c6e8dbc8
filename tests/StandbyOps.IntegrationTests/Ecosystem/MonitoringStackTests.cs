using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using StandbyOps.IntegrationTests.Push;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Support;
using Xunit.Sdk;

namespace StandbyOps.IntegrationTests.Ecosystem;

/// <summary>
/// The compose stack's monitoring path on real components: Prometheus scrapes StandbyOps and evaluates the shipped
/// rules; Alertmanager delivers alerts to StandbyOps' receiver, which opens and resolves incidents.
/// </summary>
public sealed class MonitoringStackTests(PushServer server) : IClassFixture<PushServer>
{
    /// <summary>Real Prometheus and Alertmanager run on the wall clock; their batching needs a few seconds.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Prometheus_scrapes_metrics_with_the_shipped_config_and_a_wrong_token_is_refused()
    {
        using var directory = new TempDirectory();
        var wrongToken = $"""
              - job_name: standbyops-wrong-token
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials: not-a-standbyops-token
                static_configs:
                  - targets: ["{server.Server.BaseAddress.Authority}"]
            """;
        await using var prometheus = await MonitoringStack.StartPrometheusAsync(
            directory, server.Server.BaseAddress, await StaffTokenAsync(), extraScrapeConfigs: wrongToken);

        var targets = await Poll.UntilAsync(async () =>
        {
            var active = (await ApiAsync(prometheus, "/api/v1/targets?state=active")).GetProperty("activeTargets").EnumerateArray().ToList();
            // The scrape timeout is the 1-s interval: a slow scrape on a loaded machine is "down" once, so wait for "up".
            return active.Count == 2 && active.All(t => t.GetProperty("health").GetString() != "unknown")
                && active.Any(t => t.GetProperty("labels").GetProperty("job").GetString() == "standbyops" && t.GetProperty("health").GetString() == "up") ? active : null;
        }, "Prometheus scraped both targets, the server's successfully", Within);

        var good = targets.Single(t => t.GetProperty("labels").GetProperty("job").GetString() == "standbyops");
        var wrong = targets.Single(t => t.GetProperty("labels").GetProperty("job").GetString() == "standbyops-wrong-token");
        Assert.Equal("up", good.GetProperty("health").GetString());
        Assert.Equal("down", wrong.GetProperty("health").GetString());
        Assert.Contains("401", wrong.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var depth = await ApiAsync(prometheus, "/api/v1/query?query=" + Uri.EscapeDataString("count(standbyops_actor_mailbox_depth{job=\"standbyops\"})"));
        Assert.Equal("vector", depth.GetProperty("resultType").GetString());
        Assert.NotEqual("0", Assert.Single(depth.GetProperty("result").EnumerateArray()).GetProperty("value")[1].GetString());
    }

    [SkippableFact]
    public async Task Prometheus_evaluates_every_shipped_alerting_rule_without_error_and_none_fires_on_a_healthy_server()
    {
        using var directory = new TempDirectory();
        await using var prometheus = await MonitoringStack.StartPrometheusAsync(directory, server.Server.BaseAddress, await StaffTokenAsync());

        var rules = await Poll.UntilAsync(async () =>
        {
            var all = (await ApiAsync(prometheus, "/api/v1/rules")).GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
            // "unknown" until a rule's first evaluation after a successful scrape.
            return all.Count > 0 && all.All(r => r.GetProperty("health").GetString() != "unknown") ? all : null;
        }, "Prometheus evaluated every shipped rule", Within);

        Assert.Contains(rules, r => r.GetProperty("name").GetString() == "StandbyOpsDown");
        Assert.All(rules, r => Assert.True(r.GetProperty("health").GetString() == "ok", $"{r.GetProperty("name")}: {(r.TryGetProperty("lastError", out var e) ? e : default)}"));
        // Not "firing": a rule with a "for" may be pending after one slow scrape (1-s timeout) on a loaded machine.
        Assert.All(rules, r => Assert.NotEqual("firing", r.GetProperty("state").GetString()));
    }

    [SkippableFact]
    public async Task Every_dashboard_query_runs_on_the_real_Prometheus()
    {
        using var directory = new TempDirectory();
        await using var prometheus = await MonitoringStack.StartPrometheusAsync(directory, server.Server.BaseAddress, await StaffTokenAsync());
        var queries = Directory.GetFiles(RepoFiles.Path("dashboards"), "*.json")
            .SelectMany(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("panels").EnumerateArray())
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray().Select(t => (Panel: panel.GetProperty("title").GetString(), Expr: t.GetProperty("expr").GetString()!)))
            .ToList();

        Assert.NotEmpty(queries);
        foreach (var (panel, expr) in queries)
        {
            using var response = await prometheus.Http.GetAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(expr), UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"panel '{panel}': {expr}\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    [SkippableFact]
    public async Task An_alert_through_the_real_Alertmanager_opens_an_incident_and_its_resolution_resolves_it()
    {
        using var directory = new TempDirectory();
        await using var alertmanager = await MonitoringStack.StartAlertmanagerAsync(directory, server.Server.BaseAddress, server.AcmeSecret);
        var summary = $"Disk almost full on db-{Guid.NewGuid():N}";
        var startsAt = SystemClock.Instance.GetCurrentInstant();

        await PostAlertAsync(alertmanager, summary, startsAt, endsAt: null);
        var opened = await IncidentWithTitleAsync(summary, "open", alertmanager);

        Assert.Equal(("P1", "alertmanager", "acme", "webshop"), (Text(opened, "priority"), Text(opened, "source"), Text(opened, "customer"), Text(opened, "system")));

        await PostAlertAsync(alertmanager, summary, startsAt, endsAt: SystemClock.Instance.GetCurrentInstant());
        var resolved = await IncidentWithTitleAsync(summary, "resolved", alertmanager);

        Assert.Equal(Text(opened, "caseNumber"), Text(resolved, "caseNumber"));
    }

    [SkippableFact]
    public async Task A_Prometheus_alerting_rule_reaches_StandbyOps_through_Alertmanager_as_an_incident()
    {
        using var directory = new TempDirectory();
        var summary = $"Checkout latency high {Guid.NewGuid():N}";
        var rule = $"""
            groups:
              - name: acme.webshop
                rules:
                  - alert: CheckoutSlow
                    expr: vector(1)
                    labels:
                      customer: acme
                      system: webshop
                      severity: warning
                    annotations:
                      summary: {summary}
            """;
        await using var alertmanager = await MonitoringStack.StartAlertmanagerAsync(directory, server.Server.BaseAddress, server.AcmeSecret);
        await using var prometheus = await MonitoringStack.StartPrometheusAsync(
            directory, server.Server.BaseAddress, await StaffTokenAsync(), alertmanager.BaseAddress, extraRules: rule);

        // Step by step, so a failure says which hop broke: the rule fires, Alertmanager holds the alert, StandbyOps opens it.
        await Poll.UntilAsync(async () => (await ApiAsync(prometheus, "/api/v1/alerts")).GetProperty("alerts").EnumerateArray()
            .Any(a => a.GetProperty("labels").GetProperty("alertname").GetString() == "CheckoutSlow" && a.GetProperty("state").GetString() == "firing"), "the rule fires in Prometheus", Within);
        await Poll.UntilAsync(async () => (await alertmanager.Http.GetStringAsync(new Uri("/api/v2/alerts", UriKind.Relative))).Contains(summary, StringComparison.Ordinal),
            "Prometheus delivered the alert to Alertmanager", Within);
        var incident = await IncidentWithTitleAsync(summary, "open", prometheus, alertmanager);

        Assert.Equal(("P3", "acme", "webshop"), (Text(incident, "priority"), Text(incident, "customer"), Text(incident, "system")));
    }

    /// <summary>A token of a staff role (Prometheus may read <c>/metrics</c> with it; customer-scoped tokens may not).</summary>
    private async Task<string> StaffTokenAsync()
    {
        using var response = await server.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"prometheus-{Guid.NewGuid():N}", role = "desk" });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
    }

    private static async Task<JsonElement> ApiAsync(ComponentProcess prometheus, string path)
    {
        var body = await HttpAssert.JsonAsync(await prometheus.Http.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("success", body.GetProperty("status").GetString());
        return body.GetProperty("data");
    }

    /// <summary>Alertmanager's own API, as Prometheus and amtool use it (<c>POST /api/v2/alerts</c>).</summary>
    private static async Task PostAlertAsync(ComponentProcess alertmanager, string summary, Instant startsAt, Instant? endsAt)
    {
        var alert = new Dictionary<string, object>
        {
            ["labels"] = new Dictionary<string, string> { ["alertname"] = "DiskFull", ["customer"] = "acme", ["system"] = "webshop", ["severity"] = "critical", ["summary_id"] = summary },
            ["annotations"] = new Dictionary<string, string> { ["summary"] = summary },
            ["startsAt"] = InstantPattern.ExtendedIso.Format(startsAt),
        };
        if (endsAt is { } end)
        {
            alert["endsAt"] = InstantPattern.ExtendedIso.Format(end);
        }

        using var response = await alertmanager.Http.PostAsJsonAsync("/api/v2/alerts", new[] { alert });
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{alertmanager.Output}");
    }

    /// <summary>Waits for one incident titled <paramref name="title"/> in <paramref name="state"/>; on timeout the components' logs are in the failure.</summary>
    private async Task<JsonElement> IncidentWithTitleAsync(string title, string state, params ComponentProcess[] components)
    {
        try
        {
            var found = await Poll.UntilAsync(async () =>
            {
                var matching = (await server.IncidentsAsync()).Where(i => Text(i, "title") == title).ToArray();
                return matching.Length == 1 && Text(matching[0], "state") == state ? matching : null;
            }, $"one incident '{title}' in state {state}", Within);
            return found[0];
        }
        catch (XunitException failure)
        {
            throw new XunitException($"{failure.Message}\n{string.Join("\n", components.Select(c => $"--- {c.Name}:\n{c.Output}"))}");
        }
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
