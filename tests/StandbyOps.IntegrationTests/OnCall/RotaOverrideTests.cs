using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.OnCall;

/// <summary>Overrides through the API. Each test uses its own weeks so the shared server's overrides never meet.</summary>
[Collection(OnCallServerCollection.Name)]
public sealed class RotaOverrideTests(OnCallServer fixture)
{
    [Fact]
    public async Task An_override_changes_who_is_on_call_only_during_its_period()
    {
        // 1–8 Jun 2026 is bram's week (slot 21).
        const string scheduled = "bram", other = "anna";
        Assert.Equal(scheduled, await fixture.OnCallEngineerAsync("2026-06-03T12:00:00Z"));

        await AddAsync(other, "2026-06-03T10:00:00Z", "2026-06-03T16:00:00Z");

        Assert.Equal(scheduled, await fixture.OnCallEngineerAsync("2026-06-03T09:59:59Z"));
        Assert.Equal(other, await fixture.OnCallEngineerAsync("2026-06-03T10:00:00Z"));
        Assert.Equal(other, await fixture.OnCallEngineerAsync("2026-06-03T15:59:59Z"));
        Assert.Equal(scheduled, await fixture.OnCallEngineerAsync("2026-06-03T16:00:00Z"));
    }

    [Fact]
    public async Task During_an_override_the_replaced_engineer_is_the_backup()
    {
        await AddAsync("anna", "2026-07-13T10:00:00Z", "2026-07-13T12:00:00Z");

        var answer = await fixture.OnCallAsync("2026-07-13T11:00:00Z");

        Assert.Equal("anna", answer.GetProperty("onCall").GetProperty("engineer").GetString());
        Assert.Equal("bram", answer.GetProperty("backup").GetProperty("engineer").GetString());
    }

    [Fact]
    public async Task The_override_added_last_wins_where_two_overlap()
    {
        await AddAsync("bram", "2026-08-04T08:00:00Z", "2026-08-04T20:00:00Z");
        await AddAsync("anna", "2026-08-04T12:00:00Z", "2026-08-04T14:00:00Z");

        Assert.Equal("bram", await fixture.OnCallEngineerAsync("2026-08-04T11:00:00Z"));
        Assert.Equal("anna", await fixture.OnCallEngineerAsync("2026-08-04T13:00:00Z"));
        Assert.Equal("bram", await fixture.OnCallEngineerAsync("2026-08-04T15:00:00Z"));
    }

    [Fact]
    public async Task An_override_across_the_autumn_dst_change_holds_through_the_repeated_hour()
    {
        // Sun 25 Oct 2026: 02:00–03:00 Amsterdam happens twice (00:00Z–02:00Z); bram's week, so anna overrides.
        await AddAsync("anna", "2026-10-24T22:00:00Z", "2026-10-25T04:00:00Z");

        Assert.Equal("bram", await fixture.OnCallEngineerAsync("2026-10-24T21:59:59Z"));
        Assert.Equal("anna", await fixture.OnCallEngineerAsync("2026-10-25T00:30:00Z"));
        Assert.Equal("anna", await fixture.OnCallEngineerAsync("2026-10-25T01:30:00Z"));
        Assert.Equal("bram", await fixture.OnCallEngineerAsync("2026-10-25T04:00:00Z"));
    }

    [Fact]
    public async Task A_stored_override_is_listed_for_its_team()
    {
        var created = await AddAsync("bram", "2026-09-01T08:00:00Z", "2026-09-01T09:00:00Z");

        var list = await HttpAssert.JsonAsync(await fixture.Admin.GetAsync("/api/v1/teams/ops-nl/overrides"), HttpStatusCode.OK);

        var listed = Assert.Single(list.EnumerateArray(), o => o.GetProperty("id").GetString() == created);
        Assert.Equal("bram", listed.GetProperty("engineer").GetString());
        Assert.Equal("2026-09-01T08:00:00Z", listed.GetProperty("start").GetString());
        Assert.Equal("2026-09-01T09:00:00Z", listed.GetProperty("end").GetString());
        Assert.Equal("ops-nl", listed.GetProperty("team").GetString());
    }

    [Fact]
    public async Task An_override_for_an_unknown_team_is_not_found()
    {
        using var response = await fixture.Admin.PostAsJsonAsync("/api/v1/teams/ops-xx/overrides", new { engineer = "anna", start = "2026-09-02T08:00:00Z", end = "2026-09-02T09:00:00Z" });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_override_for_an_engineer_outside_the_team_is_a_validation_problem()
    {
        using var response = await fixture.Admin.PostAsJsonAsync("/api/v1/teams/ops-nl/overrides", new { engineer = "carl", start = "2026-09-02T08:00:00Z", end = "2026-09-02T09:00:00Z" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("anna", problem.GetProperty("errors").GetProperty("engineer")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_that_ends_at_its_start_is_a_validation_problem()
    {
        using var response = await fixture.Admin.PostAsJsonAsync("/api/v1/teams/ops-nl/overrides", new { engineer = "anna", start = "2026-09-02T08:00:00Z", end = "2026-09-02T08:00:00Z" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("end", out _));
    }

    [Fact]
    public async Task An_override_without_a_start_is_a_validation_problem()
    {
        using var response = await fixture.Admin.PostAsJsonAsync("/api/v1/teams/ops-nl/overrides", new { engineer = "anna", end = "2026-09-02T08:00:00Z" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("start", out _));
    }

    [Fact]
    public async Task An_engineer_token_may_not_add_overrides()
    {
        using var client = fixture.Server.ClientWithToken(await fixture.SecretAsync("engineer"));

        using var response = await client.PostAsJsonAsync("/api/v1/teams/ops-nl/overrides", new { engineer = "anna", start = "2026-09-03T08:00:00Z", end = "2026-09-03T09:00:00Z" });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private async Task<string> AddAsync(string engineer, string start, string end)
    {
        using var response = await fixture.Admin.PostAsJsonAsync("/api/v1/teams/ops-nl/overrides", new { engineer, start, end });
        return (await HttpAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }
}
