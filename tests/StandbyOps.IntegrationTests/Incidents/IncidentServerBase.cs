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
/// <c>unrouted</c> system, so they carry acme's SLA).
/// </summary>
public abstract class IncidentServerBase(string? virtualTime) : IAsyncLifetime
{
    public static readonly string Config = TestConfigs.Minimal + """

          globex:
            name: Globex Inc.
            calendar: nl-office
            rateCard: standard
            team: ops-nl
        """;

    private readonly TempDirectory _directory = new();

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>A pusher token of acme: what acme's Alertmanager uses.</summary>
    public HttpClient AcmeAlertmanager { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret };
        if (virtualTime is not null)
        {
            environment["STANDBYOPS_VIRTUAL_TIME"] = virtualTime;
        }

        Server = await ServerProcess.StartAsync(_directory.Write("standbyops.yaml", Config), _directory.File("data"), environment);
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
    public async Task<HttpClient> ClientAsync(string role, string? customer = null, string? name = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = name ?? $"{role}-{Guid.NewGuid():N}", role, customer });
        return Server.ClientWithToken((await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!);
    }

    /// <summary>Sends one alert through <c>POST /api/v1/alertmanager</c> and returns the case number of its incident.</summary>
    public async Task<string> FireAsync(string fingerprint, string severity = "critical", HttpClient? sender = null)
    {
        await SendAlertAsync(sender ?? AcmeAlertmanager, "firing", fingerprint, severity);
        var incidents = await HttpAssert.JsonAsync(await Admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK);
        return incidents.EnumerateArray().Single(i => i.GetProperty("dedupKey").GetString()!.EndsWith($"/{fingerprint}", StringComparison.Ordinal))
            .GetProperty("caseNumber").GetString()!;
    }

    public static async Task SendAlertAsync(HttpClient sender, string status, string fingerprint, string severity)
    {
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
            commonAnnotations = new { summary = $"Alert {fingerprint} is {status}" },
            externalURL = "http://alertmanager.example:9093",
            alerts = new[]
            {
                new
                {
                    status,
                    labels,
                    annotations = new { summary = $"Alert {fingerprint} is {status}" },
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
