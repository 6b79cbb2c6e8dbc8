using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.FakeTwilio;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Paging;

/// <summary>The real server on virtual time (Tuesday night, inside acme's agreed standby) paging through a fake Twilio on loopback.</summary>
public sealed class PagingServer : IAsyncDisposable
{
    public const string Start = "2026-11-24T19:00:00Z";
    public const string From = "+3197010000000";
    public const string Anna = "+31612345678";
    public const string Bram = "+31623456789";
    public const string Chris = "+31634567890";

    private readonly TempDirectory _directory = new();
    private readonly int _port = ServerProcess.FreePort();
    private string _configPath = string.Empty;

    private readonly string? _postgres;

    private PagingServer(FakeTwilioServer twilio, string? postgres)
    {
        Twilio = twilio;
        _postgres = postgres;
    }

    public FakeTwilioServer Twilio { get; }

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Pusher { get; private set; } = null!;

    public Uri PublicUrl => new($"http://127.0.0.1:{_port}/");

    public Uri SmsWebhook => new(PublicUrl, "api/v1/twilio/sms");

    /// <summary>
    /// Starts the fake Twilio and the server; <paramref name="acmeSystems"/> adds a <c>systems:</c> block (indented as acme's
    /// keys); with <paramref name="postgres"/> (a connection string) the server keeps its store there instead of SQLite.
    /// </summary>
    /// <param name="escalation">The team's escalation steps; by default on-call now, backup at 5 minutes, chris at 10.</param>
    /// <param name="allClear">The team's <c>allClear</c>: an SMS to the paged engineers when a ticket resolves.</param>
    public static async Task<PagingServer> StartAsync(string groupWait = "0s", string? acmeSystems = null, IReadOnlyList<string>? escalation = null, string? postgres = null, bool allClear = false)
    {
        var paging = new PagingServer(await FakeTwilioServer.StartAsync(), postgres);
        var store = postgres is null ? string.Empty : "\nstore:\n  kind: postgres\n  connectionString: ${STANDBYOPS_PG}\n";
        paging._configPath = paging._directory.Write("standbyops.yaml", paging.Config(groupWait, acmeSystems, escalation, allClear) + store);
        await paging.LaunchAsync(Start);
        return paging;
    }

    /// <summary>Kills the process (SIGKILL) and starts it again on the same data at <paramref name="virtualTime"/>.</summary>
    public async Task RestartKilledAsync(string virtualTime)
    {
        await Server.KillAsync();
        Admin.Dispose();
        Pusher.Dispose();
        await Server.DisposeAsync();
        await LaunchAsync(virtualTime);
    }

    public IReadOnlyList<FakeTwilioRequest> SmsTo(string phone) =>
        [.. Twilio.Requests.Where(r => r.Path.EndsWith("/Messages.json", StringComparison.Ordinal) && r.Status == 201 && r.Form.GetValueOrDefault("To") == phone)];

    public IReadOnlyList<FakeTwilioRequest> CallsTo(string phone) =>
        [.. Twilio.Requests.Where(r => r.Path.EndsWith("/Calls.json", StringComparison.Ordinal) && r.Status == 201 && r.Form.GetValueOrDefault("To") == phone)];

    public int SmsCount => Twilio.Requests.Count(r => r.Path.EndsWith("/Messages.json", StringComparison.Ordinal) && r.Status == 201);

    /// <summary>
    /// Waits until paging has started for <paramref name="count"/> incidents in this process: the desk writes each start as
    /// an intent and the relay runs it just after, so a test that moves virtual time waits for the starts first.
    /// </summary>
    public Task WaitForPagingStartsAsync(int count, TimeSpan? within = null) => WaitForIntentRunsAsync("paging.start", count, within);

    /// <summary>Waits until the relay completed <paramref name="count"/> intents of <paramref name="kind"/> in this process.</summary>
    public Task WaitForIntentRunsAsync(string kind, int count, TimeSpan? within = null) => IntentRuns.WaitForAsync(Admin, kind, count, within);

    public async Task AdvanceAsync(int seconds)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds });
        Assert.True(response.IsSuccessStatusCode, $"clock advance answered {(int)response.StatusCode}");
    }

    public async Task FireAsync(params string[] fingerprints)
    {
        var webhook = new
        {
            version = "4",
            groupKey = "{}:{alertname=\"Outage\"}",
            truncatedAlerts = 0,
            status = "firing",
            receiver = "standbyops",
            groupLabels = new { alertname = "Outage" },
            commonLabels = new Dictionary<string, string> { ["severity"] = "critical" },
            commonAnnotations = new { summary = "Outage" },
            externalURL = "http://alertmanager.example:9093",
            alerts = fingerprints.Select(f => new
            {
                status = "firing",
                labels = new Dictionary<string, string> { ["alertname"] = $"Down{f}", ["severity"] = "critical" },
                annotations = new { summary = $"System {f} is down" },
                startsAt = "2026-11-24T18:59:00Z",
                endsAt = "0001-01-01T00:00:00Z",
                generatorURL = "http://prometheus.example:9090/graph",
                fingerprint = f,
            }).ToArray(),
        };
        using var response = await Pusher.PostAsJsonAsync("/api/v1/alertmanager", webhook);
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement[]> IncidentsAsync() =>
        [.. (await HttpAssert.JsonAsync(await Admin.GetAsync("/api/v1/incidents?limit=500"), HttpStatusCode.OK)).EnumerateArray()];

    public async Task<JsonElement> IncidentAsync(string caseNumber) =>
        await HttpAssert.JsonAsync(await Admin.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK);

    /// <summary>A client with a new token of <paramref name="role"/> (scoped to <paramref name="customer"/>).</summary>
    public async Task<HttpClient> ClientAsync(string role, string? customer = null)
    {
        using var created = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}", role, customer });
        return Server.ClientWithToken((await HttpAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("secret").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Pusher.Dispose();
        await Server.DisposeAsync();
        await Twilio.DisposeAsync();
        _directory.Dispose();
    }

    private async Task LaunchAsync(string virtualTime)
    {
        var environment = new Dictionary<string, string>
        {
            ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
            ["STANDBYOPS_VIRTUAL_TIME"] = virtualTime,
        };
        if (_postgres is not null)
        {
            environment["STANDBYOPS_PG"] = _postgres;
        }

        Server = await ServerProcess.StartAsync(_configPath, _directory.File("data"), environment, _port);
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
        Pusher = await ClientAsync("pusher", "acme");
    }

    private string Config(string groupWait, string? acmeSystems, IReadOnlyList<string>? escalation, bool allClear) => ConfigBlocks.Document(
        ConfigBlocks.TwilioSmsServer(PublicUrl, Twilio, From),
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(
            engineers: [.. ConfigBlocks.AnnaAndBram, ConfigBlocks.Engineer("chris", "Chris Smit", Chris)],
            escalation: escalation ?? [ConfigBlocks.OnCallStep, ConfigBlocks.Step("5m", "backup"), ConfigBlocks.Step("10m", "[chris]")],
            groupWait: groupWait) + (allClear ? "\n    allClear: true" : string.Empty),
        customers: acmeSystems is null ? ConfigBlocks.AcmeCustomer() : ConfigBlocks.AcmeCustomer(rest: ConfigBlocks.AcmeStandby + "\n" + acmeSystems));
}
