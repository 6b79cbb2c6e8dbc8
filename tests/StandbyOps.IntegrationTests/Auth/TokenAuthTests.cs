using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Auth;

public sealed class TokenAuthTests(RunningServer running) : IClassFixture<RunningServer>
{
    private async Task<string> CreateTokenAsync(string role, string? customer = null)
    {
        using var response = await running.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}", role, customer });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
    }

    private async Task<int> TokenCountAsync() =>
        (await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/tokens"), HttpStatusCode.OK)).GetArrayLength();

    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_details()
    {
        var problem = await HttpAssert.ProblemAsync(await running.Server.Http.GetAsync("/api/v1/tokens"), HttpStatusCode.Unauthorized);

        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_with_a_bad_token_never_reaches_the_handler()
    {
        var before = await TokenCountAsync();
        using var forged = running.Server.ClientWithToken("sbo_not-a-real-token");

        await HttpAssert.ProblemAsync(await forged.PostAsJsonAsync("/api/v1/tokens", new { name = "sneaky", role = "admin" }), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await TokenCountAsync());
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        using var created = await running.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "short-lived", role = "admin" });
        var token = await HttpAssert.JsonAsync(created, HttpStatusCode.Created);
        using var client = running.Server.ClientWithToken(token.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await running.Admin.DeleteAsync($"/api/v1/tokens/{token.GetProperty("id").GetString()}")).StatusCode);

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/tokens"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("desk", null)]
    [InlineData("engineer", null)]
    [InlineData("finance", null)]
    [InlineData("pusher", "acme")]
    [InlineData("customer", "acme")]
    public async Task Roles_other_than_admin_get_403_on_token_management(string role, string? customer)
    {
        using var client = running.Server.ClientWithToken(await CreateTokenAsync(role, customer));

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/tokens"), HttpStatusCode.Forbidden);

        Assert.Contains(role, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_auth_with_the_token_as_password_authenticates()
    {
        using var client = new HttpClient { BaseAddress = running.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"any:{RunningServer.AdminSecret}")));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens")).StatusCode);
    }

    [Fact]
    public async Task A_pusher_token_must_name_a_known_customer()
    {
        var missing = await HttpAssert.ProblemAsync(await running.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "p", role = "pusher" }), HttpStatusCode.BadRequest);
        var unknown = await HttpAssert.ProblemAsync(await running.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "p", role = "pusher", customer = "globex" }), HttpStatusCode.BadRequest);

        Assert.True(missing.GetProperty("errors").TryGetProperty("customer", out _));
        Assert.Contains("globex", unknown.GetProperty("errors").GetProperty("customer")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_is_a_validation_problem_listing_the_roles()
    {
        var problem = await HttpAssert.ProblemAsync(await running.Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "x", role = "root" }), HttpStatusCode.BadRequest);

        Assert.Contains("finance", problem.GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem_that_says_where()
    {
        var before = await TokenCountAsync();
        using var content = new StringContent("{\"name\": \"x\", \"role\": ", Encoding.UTF8, "application/json");

        var problem = await HttpAssert.ProblemAsync(await running.Admin.PostAsync("/api/v1/tokens", content), HttpStatusCode.BadRequest);

        Assert.Contains("LineNumber", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await TokenCountAsync());
    }

    [Fact]
    public async Task Revoking_an_unknown_token_is_a_404_problem()
    {
        await HttpAssert.ProblemAsync(await running.Admin.DeleteAsync("/api/v1/tokens/does-not-exist"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_token_secret_is_shown_on_create_only()
    {
        await CreateTokenAsync("desk");

        var listed = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/tokens"), HttpStatusCode.OK);

        Assert.All(listed.EnumerateArray(), t => Assert.Equal(System.Text.Json.JsonValueKind.Null, t.GetProperty("secret").ValueKind));
    }
}
