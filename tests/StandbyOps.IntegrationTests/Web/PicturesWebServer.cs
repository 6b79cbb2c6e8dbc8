using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>
/// A server on virtual time (Tue 24 Nov 2026 13:00 Amsterdam) whose acme system <c>web</c> has an HTTP check on a loopback
/// target probed every 5 minutes and a maintenance window announced for Friday night; at start the clock runs through
/// eight probes, the third one failing, so the check has history (up, down, latencies) and an incident.
/// </summary>
public sealed class PicturesWebServer : IAsyncLifetime
{
    public const string Start = "2026-11-24T12:00:00Z";

    private readonly TempDirectory _directory = new();

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpTarget Target { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Target = await HttpTarget.StartAsync();
        var config = TestConfigs.Minimal + $$"""

                systems:
                  web:
                    name: ACME web shop
                    criticality: high
                    availabilityTarget: 99.9
                    checks:
                      home:
                        http: { url: "{{Target.HealthUrl}}", expectStatus: [200], bodyContains: "ok" }
                        interval: 5m
                        timeout: 10s
                        failureThreshold: 1
                        successThreshold: 1
                    maintenance:
                      - once: { from: "2026-11-27T22:00", to: "2026-11-28T02:00" }
            """;
        var environment = new Dictionary<string, string>
        {
            ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
            ["STANDBYOPS_VIRTUAL_TIME"] = Start,
        };
        Server = await ServerProcess.StartAsync(_directory.Write("standbyops.yaml", config), _directory.File("data"), environment);
        Admin = Server.ClientWithToken(RunningServer.AdminSecret);
        for (var probe = 0; probe < 8; probe++)
        {
            Target.Healthy = probe != 2;
            await NextProbeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
        await Target.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>A new token's secret.</summary>
    public async Task<string> SecretAsync(string role, string? customer = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}"[..16], role, customer });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
    }

    /// <summary>The on-call engineer for acme at <paramref name="at"/>, as the API answers.</summary>
    public async Task<string> OnCallAsync(string at) =>
        (await HttpAssert.JsonAsync(await Admin.GetAsync($"/api/v1/oncall?customer=acme&at={at}"), HttpStatusCode.OK))
            .GetProperty("onCall").GetProperty("engineer").GetString()!;

    /// <summary>Moves the clock an interval on (nudging it while the probe has not run) until the check has a newer result.</summary>
    private async Task NextProbeAsync()
    {
        var before = await LastAtAsync();
        using (var response = await Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 300 }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        await Poll.UntilAsync(async () =>
        {
            if (await LastAtAsync() != before)
            {
                return true;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(1))
            {
                waited.Restart();
                using var nudge = await Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 5 });
            }

            return false;
        }, "the next probe", TimeSpan.FromSeconds(60));
    }

    private async Task<string?> LastAtAsync()
    {
        var systems = await HttpAssert.JsonAsync(await Admin.GetAsync("/api/v1/systems?customer=acme"), HttpStatusCode.OK);
        var home = systems.EnumerateArray().Single().GetProperty("checks").EnumerateArray().SingleOrDefault(c => c.GetProperty("id").GetString() == "home");
        return home.ValueKind == JsonValueKind.Undefined || home.GetProperty("lastAt").ValueKind == JsonValueKind.Null
            ? null
            : home.GetProperty("lastAt").GetString();
    }

    /// <summary>An instant as the API takes it.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
