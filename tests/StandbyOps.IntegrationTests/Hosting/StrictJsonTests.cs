using System.Net;
using System.Text;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Hosting;

/// <summary>A JSON body that names a key twice is ambiguous: every JSON API refuses it with a problem naming the key and where it is.</summary>
public sealed class StrictJsonTests(RunningServer running) : IClassFixture<RunningServer>
{
    [Theory]
    [InlineData("POST", "/api/v1/tokens", """{"name": "a", "role": "desk", "role": "admin"}""", "role")]
    [InlineData("POST", "/api/v1/incidents/2026-000001/notes", """{"text": "one", "text": "two"}""", "text")]
    [InlineData("POST", "/api/v1/callouts", """{"customer": "acme", "engineer": "anna", "customer": "globex", "start": "2026-11-20T10:00:00Z", "end": "2026-11-20T11:00:00Z"}""", "customer")]
    [InlineData("POST", "/api/v1/customers/acme/standby-periods", """{"start": "2026-12-05T22:00", "end": "2026-12-06T06:00", "end": "2026-12-09T06:00"}""", "end")]
    [InlineData("POST", "/api/v1/teams/ops-nl/overrides", """{"engineer": "anna", "engineer": "bram", "start": "2026-12-05T22:00:00Z", "end": "2026-12-06T06:00:00Z"}""", "engineer")]
    [InlineData("POST", "/api/v1/alertmanager", """{"version": "4", "status": "firing", "alerts": [{"status": "firing", "labels": {"alertname": "A", "severity": "critical", "severity": "info"}, "fingerprint": "f1"}]}""", "$.alerts[0].labels.severity")]
    public async Task A_duplicate_key_is_a_400_problem_naming_the_key_and_its_position(string method, string path, string body, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var problem = await HttpAssert.ProblemAsync(await running.Admin.SendAsync(request), HttpStatusCode.BadRequest);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains(key, StringComparison.Ordinal) && detail.Contains("BytePositionInLine", StringComparison.Ordinal), detail);
    }

    [Fact]
    public async Task A_duplicate_key_creates_nothing()
    {
        using var content = new StringContent("""{"name": "twice", "name": "again", "role": "desk"}""", Encoding.UTF8, "application/json");

        await HttpAssert.ProblemAsync(await running.Admin.PostAsync("/api/v1/tokens", content), HttpStatusCode.BadRequest);

        var tokens = await (await running.Admin.GetAsync("/api/v1/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("twice", tokens, StringComparison.Ordinal);
    }
}
