using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Hosting;

/// <summary>
/// A full store, for real: <c>server.storeMaxSize</c> below the file's size makes SQLite refuse to grow it (SQLITE_FULL, the
/// error a full disk gives), then a reload that lifts it is the space coming back. All through the real process and HTTP.
/// </summary>
public sealed class StoreFullTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private ServerProcess _server = null!;
    private HttpClient _admin = null!;
    private string _configPath = null!;

    public async Task InitializeAsync()
    {
        _configPath = _directory.Write("standbyops.yaml", TestConfigs.Minimal);
        _server = await ServerProcess.StartAsync(_configPath, _directory.File("data"), new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret });
        _admin = _server.ClientWithToken(RunningServer.AdminSecret);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_full_store_answers_503_store_full_turns_not_ready_shows_in_metrics_and_recovers_when_space_returns()
    {
        await ReloadAsync(TestConfigs.Minimal.Replace("publicUrl: http://127.0.0.1:8080", "publicUrl: http://127.0.0.1:8080\n  storeMaxSize: 64KB", StringComparison.Ordinal));

        var refused = await FillAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Store full", problem.GetProperty("title").GetString());
        Assert.Contains("no space left", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var notReady = await _server.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var readiness = await notReady.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(readiness.GetProperty("store").GetBoolean());
        Assert.False(readiness.GetProperty("storeWritable").GetBoolean());
        var metrics = await _admin.GetStringAsync("/metrics");
        Assert.Equal("1", Sample(metrics, "standbyops_store_full"));
        Assert.True(double.Parse(Sample(metrics, "standbyops_store_write_failures_total{reason=\"disk_full\"}"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        // Reads still answer while writes cannot.
        await HttpAssert.JsonAsync(await _admin.GetAsync("/api/v1/tokens"), HttpStatusCode.OK);

        await ReloadAsync(TestConfigs.Minimal);

        await HttpAssert.JsonAsync(await _server.Http.GetAsync("/readyz"), HttpStatusCode.OK);
        await HttpAssert.JsonAsync(await _admin.PostAsJsonAsync("/api/v1/tokens", new { name = "after-space-returned", role = "desk" }), HttpStatusCode.Created);
        Assert.Equal("0", Sample(await _admin.GetStringAsync("/metrics"), "standbyops_store_full"));
    }

    /// <summary>Creates tokens with long names until the store refuses one; fails if it never does.</summary>
    private async Task<HttpResponseMessage> FillAsync()
    {
        for (var i = 0; i < 2000; i++)
        {
            var response = await _admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{i:D5}-{new string('x', 90)}", role = "desk" });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return response;
            }

            response.Dispose();
        }

        Assert.Fail("2000 tokens fitted in a store capped at 64KB");
        return null!;
    }

    private async Task ReloadAsync(string config)
    {
        File.WriteAllText(_configPath, config);
        var reloaded = await HttpAssert.JsonAsync(await _admin.PostAsync("/api/v1/admin/reload", null), HttpStatusCode.OK);
        Assert.True(reloaded.GetProperty("applied").GetBoolean());
    }

    private static string Sample(string exposition, string series)
    {
        var match = Regex.Match(exposition, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{series} is not exposed");
        return match.Groups[1].Value;
    }
}
