using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Incidents;

/// <summary>
/// A server on the minimal configuration plus a second customer (<c>globex</c>), with helpers that open incidents
/// through the real Alertmanager webhook using a pusher token of <c>acme</c> (unmatched alerts go to acme's
/// <c>unrouted</c> system, so they carry acme's SLA). A subclass may pass a configuration of its own.
/// </summary>
public abstract class IncidentServerBase(string? virtualTime, string? config = null) : IAsyncLifetime
{
    /// <summary>The second customer, as an entry of <c>customers:</c>.</summary>
    public const string Globex = """
          globex:
            name: Globex Inc.
            calendar: nl-office
            rateCard: standard
            team: ops-nl
        """;

    public static readonly string Config = TestConfigs.Minimal + "\n" + Globex;

    private readonly TempDirectory _directory = new();

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The server's configuration file (a test may rewrite it and reload).</summary>
    public string ConfigPath => _directory.File("standbyops.yaml");

    /// <summary>A pusher token of acme: what acme's Alertmanager uses.</summary>
    public HttpClient AcmeAlertmanager { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret };
        if (virtualTime is not null)
        {
            environment["STANDBYOPS_VIRTUAL_TIME"] = virtualTime;
        }

        Server = await ServerProcess.StartAsync(_directory.Write("standbyops.yaml", config ?? Config), _directory.File("data"), environment);
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
        AcmeAlertmanager = await ClientAsync("pusher", "acme");
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        AcmeAlertmanager.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>A client with a new token of <paramref name="role"/>; its name is the token name.</summary>
    public async Task<HttpClient> ClientAsync(string role, string? customer = null, string? name = null) =>
        Server.ClientWithToken((await TokenAsync(role, customer, name)).Secret);

    /// <summary>Creates a token of <paramref name="role"/> and returns its id and secret.</summary>
    public async Task<(string Id, string Secret)> TokenAsync(string role, string? customer = null, string? name = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = name ?? $"{role}-{Guid.NewGuid():N}", role, customer });
        var token = await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
        return (token.GetProperty("id").GetString()!, token.GetProperty("secret").GetString()!);
    }

    /// <summary>Sends one alert through <c>POST /api/v1/alertmanager</c> and returns the case number of its incident.</summary>
    public async Task<string> FireAsync(string fingerprint, string severity = "critical", HttpClient? sender = null, string? summary = null)
    {
        await SendAlertAsync(sender ?? AcmeAlertmanager, "firing", fingerprint, severity, summary);
        var incidents = await HttpAssert.JsonAsync(await Admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK);
        return incidents.EnumerateArray().Single(i => i.GetProperty("dedupKey").GetString()!.EndsWith($"/{fingerprint}", StringComparison.Ordinal))
            .GetProperty("caseNumber").GetString()!;
    }

    /// <summary>
    /// Fires as <see cref="FireAsync"/> and waits until paging has started for the new incident. The relay starts it just
    /// after the webhook's answer and its first SMS is due one group wait after that start, so a test that then moves
    /// virtual time past the group wait must wait for the start first.
    /// </summary>
    public async Task<string> FireAndStartPagingAsync(string fingerprint, string severity = "critical")
    {
        var caseNumber = await FireAsync(fingerprint, severity);
        await IntentRuns.WaitForPagingStartsOfEveryIncidentAsync(Admin);
        return caseNumber;
    }

    /// <summary>Posts one alert; its <paramref name="summary"/> (the incident's title) defaults to "Alert {fingerprint} is {status}".</summary>
    public static async Task SendAlertAsync(HttpClient sender, string status, string fingerprint, string severity, string? summary = null)
    {
        summary ??= $"Alert {fingerprint} is {status}";
        var labels = new Dictionary<string, string> { ["alertname"] = $"Alert{fingerprint}", ["severity"] = severity };
        var webhook = new
        {
            version = "4",
            groupKey = $"{{}}:{{alertname=\"Alert{fingerprint}\"}}",
            truncatedAlerts = 0,
            status,
            receiver = "standbyops",
            groupLabels = new { alertname = $"Alert{fingerprint}" },
            commonLabels = labels,
            commonAnnotations = new { summary },
            externalURL = "http://alertmanager.example:9093",
            alerts = new[]
            {
                new
                {
                    status,
                    labels,
                    annotations = new { summary },
                    startsAt = "2026-11-20T13:59:00Z",
                    endsAt = status == "firing" ? "0001-01-01T00:00:00Z" : "2026-11-20T14:05:00Z",
                    generatorURL = "http://prometheus.example:9090/graph",
                    fingerprint,
                },
            },
        };
        using var response = await sender.PostAsJsonAsync("/api/v1/alertmanager", webhook);
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> IncidentAsync(string caseNumber, HttpClient? client = null) =>
        await HttpAssert.JsonAsync(await (client ?? Admin).GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK);
}
