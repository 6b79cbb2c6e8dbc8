using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Configuration;

/// <summary>
/// One server on virtual time (Friday 2026-11-20 15:00 in Amsterdam, office hours) whose configuration file the tests
/// rewrite and reload through <c>POST /api/v1/admin/reload</c>. Every test reloads the whole file it needs, so the order
/// of the tests does not matter.
/// </summary>
public sealed class ReloadServer : IAsyncLifetime
{
    public const string Start = "2026-11-20T14:00:00Z";

    private readonly TempDirectory _directory = new();
    private string _configPath = null!;

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>A pusher token of customer acme.</summary>
    public HttpClient Acme { get; private set; } = null!;

    /// <summary>The minimal configuration plus acme's system <c>webshop</c> with <paramref name="webshop"/> (indented as a system's keys, 8 spaces) and <paramref name="systems"/> (6 spaces) after it,
    /// <paramref name="customers"/> (2 spaces) after acme, and the log SMS provider, <c>nl-office</c> calendar and <c>ops-nl</c> team unless replaced.</summary>
    public static string Config(string webshop = "", string systems = "", string? calendar = null, string? team = null, string customers = "", string? head = null) =>
        ConfigBlocks.Document(
            head ?? ConfigBlocks.LogSmsServer,
            calendars: calendar ?? ConfigBlocks.NlOfficeCalendar,
            rateCards: ConfigBlocks.StandardRateCard(),
            teams: team ?? ConfigBlocks.OpsNlTeam(),
            customers: ConfigBlocks.AcmeCustomer() + $"""

                    systems:
                      webshop:
                        name: ACME webshop
                        criticality: high
                {webshop}
                {systems}
                {customers}
                """);

    public async Task InitializeAsync()
    {
        _configPath = _directory.Write("standbyops.yaml", Config());
        Server = await ServerProcess.StartAsync(_configPath, _directory.File("data"), new Dictionary<string, string>
        {
            ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
            ["STANDBYOPS_VIRTUAL_TIME"] = Start,
        });
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
        using var created = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "pusher-acme", role = "pusher", customer = "acme" });
        Acme = Server.ClientWithToken((await HttpAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("secret").GetString()!);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Acme.Dispose();
        await Server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Writes <paramref name="config"/> and reloads it; fails unless the server reports it applied.</summary>
    public async Task ReloadAsync(string config)
    {
        File.WriteAllText(_configPath, config);
        using var response = await Admin.PostAsync("/api/v1/admin/reload", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("applied").GetBoolean(), body);
    }

    /// <summary>Every incident (any state).</summary>
    public async Task<JsonElement[]> IncidentsAsync() =>
        [.. (await HttpAssert.JsonAsync(await Admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray()];

    /// <summary>The one incident that matches, once it exists (the effects of a signal are asynchronous).</summary>
    public async Task<JsonElement> IncidentAsync(Func<JsonElement, bool> match, string what)
    {
        var found = await Poll.UntilAsync(async () => (await IncidentsAsync()).Where(match).ToArray() is { Length: 1 } one ? one : null, what);
        return found[0];
    }
}
