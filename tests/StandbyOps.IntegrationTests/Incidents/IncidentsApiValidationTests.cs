using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Incidents;

/// <summary>The incidents API's answers that need no incident: validation, unknown cases and who may call.</summary>
public sealed class IncidentsApiValidationTests(RunningServer running) : IClassFixture<RunningServer>
{
    [Theory]
    [InlineData("GET", "/api/v1/incidents/2026-42")]
    [InlineData("POST", "/api/v1/incidents/not-a-case/acknowledge")]
    [InlineData("POST", "/api/v1/incidents/2026_000001/resolve")]
    [InlineData("POST", "/api/v1/incidents/26-000001/close")]
    public async Task A_malformed_case_number_is_a_400_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var problem = await HttpAssert.ProblemAsync(await running.Admin.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("caseNumber", out _));
    }

    [Theory]
    [InlineData("GET", "/api/v1/incidents/2026-999999")]
    [InlineData("POST", "/api/v1/incidents/2026-999999/acknowledge")]
    [InlineData("POST", "/api/v1/incidents/2026-999999/resolve")]
    [InlineData("POST", "/api/v1/incidents/2026-999999/close")]
    public async Task An_unknown_case_number_is_a_404_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var problem = await HttpAssert.ProblemAsync(await running.Admin.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Contains("2026-999999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_state_filter_is_a_400_problem()
    {
        var problem = await HttpAssert.ProblemAsync(await running.Admin.GetAsync("/api/v1/incidents?state=pending"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_note_without_text_is_a_400_problem(string text)
    {
        var problem = await HttpAssert.ProblemAsync(
            await running.Admin.PostAsJsonAsync("/api/v1/incidents/2026-000001/notes", new { text }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task A_note_over_2000_characters_is_a_400_problem()
    {
        await HttpAssert.ProblemAsync(
            await running.Admin.PostAsJsonAsync("/api/v1/incidents/2026-000001/notes", new { text = new string('x', 2001) }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_queue_needs_a_token()
    {
        await HttpAssert.ProblemAsync(await running.Server.Http.GetAsync("/api/v1/incidents"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("finance", null, "GET", "/api/v1/incidents")]
    [InlineData("pusher", "acme", "GET", "/api/v1/incidents")]
    [InlineData("customer", "acme", "POST", "/api/v1/incidents/2026-000001/acknowledge")]
    [InlineData("finance", null, "POST", "/api/v1/incidents/2026-000001/close")]
    public async Task Roles_without_incident_rights_get_403(string role, string? customer, string method, string path)
    {
        using var client = running.Server.ClientWithToken(await CreateTokenAsync(role, customer));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        await HttpAssert.ProblemAsync(await client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("desk", null)]
    [InlineData("engineer", null)]
    [InlineData("customer", "acme")]
    public async Task Desk_engineers_and_customers_may_read_the_queue(string role, string? customer)
    {
        using var client = running.Server.ClientWithToken(await CreateTokenAsync(role, customer));

        var queue = await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/incidents?state=open"), HttpStatusCode.OK);

        Assert.Equal(System.Text.Json.JsonValueKind.Array, queue.ValueKind);
    }

    private async Task<string> CreateTokenAsync(string role, string? customer)
    {
        using var response = await running.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}", role, customer });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
    }
}
