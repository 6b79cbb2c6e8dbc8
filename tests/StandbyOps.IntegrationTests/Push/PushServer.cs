using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Push;

/// <summary>
/// A server on virtual time (2026-11-20T14:00:00Z) with two customers, <c>acme</c> (push rules on job <c>node</c>,
/// Alertmanager routes) and <c>globex</c>, and a pusher token for each. One per test class.
/// </summary>
public sealed class PushServer : IAsyncLifetime
{
    public const string Start = "2026-11-20T14:00:00Z";

    public static readonly string Config = ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(surcharges: false),
        teams: ConfigBlocks.OpsNlTeam(),
        customers: ConfigBlocks.AcmeCustomer(p1: "{ response: 4 business hours }", rest: AcmeSystems) + "\n" + GlobexCustomer);

    /// <summary>Acme's webshop: a push rule on job <c>node</c> and an Alertmanager route.</summary>
    private const string AcmeSystems = """
            systems:
              webshop:
                name: ACME webshop
                criticality: high
                pushRules:
                  disk-free:
                    job: node
                    metric: node_filesystem_avail_bytes
                    labels: { mountpoint: "/" }
                    below: 1e9
                    for: 5m
                    priority: P2
                alertmanager:
                  match: { customer: acme, system: webshop }
        """;

    /// <summary>Globex: no team, one low-criticality system watched for silence.</summary>
    private const string GlobexCustomer = """
          globex:
            name: Globex Corp.
            calendar: nl-office
            rateCard: standard
            systems:
              portal:
                criticality: low
                pushRules:
                  portal-silent:
                    job: portal
                    absentFor: 10m
                alertmanager:
                  match: { customer: globex }
        """;

    private readonly TempDirectory _directory = new();

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>A pusher token of customer acme.</summary>
    public HttpClient Acme { get; private set; } = null!;

    /// <summary>A pusher token of customer globex.</summary>
    public HttpClient Globex { get; private set; } = null!;

    public string AcmeSecret { get; private set; } = null!;

    public string GlobexSecret { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StartServerAsync();
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
        AcmeSecret = await CreatePusherAsync("acme");
        Acme = Server.ClientWithToken(AcmeSecret);
        GlobexSecret = await CreatePusherAsync("globex");
        Globex = Server.ClientWithToken(GlobexSecret);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Acme.Dispose();
        Globex.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Kills the process (SIGKILL) and starts a new one on the same data directory and virtual start.</summary>
    public async Task RestartAsync()
    {
        await Server.KillAsync();
        await Server.DisposeAsync();
        Admin.Dispose();
        Acme.Dispose();
        Globex.Dispose();
        Server = await StartServerAsync();
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
        Acme = Server.ClientWithToken(AcmeSecret);
        Globex = Server.ClientWithToken(GlobexSecret);
    }

    /// <summary>The <c>/metrics</c> exposition.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var response = await Admin.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    /// <summary>The scrape's lines that carry <paramref name="fragment"/>, sorted.</summary>
    public async Task<string[]> LinesAsync(string fragment) =>
        [.. (await ScrapeAsync()).Split('\n').Where(l => !l.StartsWith('#') && l.Contains(fragment, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Every incident (any state).</summary>
    public async Task<JsonElement[]> IncidentsAsync() =>
        [.. (await HttpAssert.JsonAsync(await Admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray()];

    /// <summary>Polls the incidents until one matches (effects of a clock advance are asynchronous).</summary>
    public async Task<JsonElement> WaitForIncidentAsync(Func<JsonElement, bool> match)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = (await IncidentsAsync()).Where(match).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "no matching incident appeared within 15 s");
            // Polling for an asynchronous effect of the advanced clock; no assertion depends on this interval.
            await Task.Delay(50);
        }
    }

    /// <summary>The server's (virtual) clock.</summary>
    public async Task<DateTimeOffset> NowAsync() =>
        (await HttpAssert.JsonAsync(await Admin.GetAsync("/api/v1/admin/clock"), HttpStatusCode.OK)).GetProperty("now").GetDateTimeOffset();

    public async Task AdvanceAsync(int seconds)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds });
        await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    public static StringContent Text(string body) => new(body, Encoding.UTF8, "text/plain");

    private async Task<ServerProcess> StartServerAsync()
    {
        var config = _directory.Write("standbyops.yaml", Config);
        return await ServerProcess.StartAsync(config, _directory.File("data"), new Dictionary<string, string>
        {
            ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
            ["STANDBYOPS_VIRTUAL_TIME"] = Start,
        });
    }

    private async Task<string> CreatePusherAsync(string customer)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"pusher-{customer}", role = "pusher", customer });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
    }
}
