using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.OnCall;

[Collection(OnCallServerCollection.Name)]
public sealed class OnCallApiTests(OnCallServer fixture)
{
    [Fact]
    public async Task On_call_answer_names_the_engineer_with_phone_and_the_other_as_backup()
    {
        var answer = await fixture.OnCallAsync("2026-11-18T12:00:00Z");

        Assert.Equal("acme", answer.GetProperty("customer").GetString());
        Assert.Equal("2026-11-18T12:00:00Z", answer.GetProperty("at").GetString());
        var onCall = answer.GetProperty("onCall");
        Assert.Equal("bram", onCall.GetProperty("engineer").GetString());
        Assert.Equal("Bram Jansen", onCall.GetProperty("name").GetString());
        Assert.Equal("+31623456789", onCall.GetProperty("phone").GetString());
        Assert.Equal("anna", answer.GetProperty("backup").GetProperty("engineer").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("duty").ValueKind);
    }

    [Fact]
    public async Task Before_the_first_handover_the_first_engineer_in_the_order_is_on_call() =>
        Assert.Equal("anna", await fixture.OnCallEngineerAsync("2026-01-01T12:00:00Z"));

    [Theory]
    [InlineData("2026-03-30T06:29:59Z", "bram")]
    [InlineData("2026-03-30T06:30:00Z", "anna")]
    [InlineData("2026-03-30T07:15:00Z", "anna")]
    public async Task Handover_after_the_spring_dst_change_stays_at_0830_amsterdam(string at, string expected) =>
        Assert.Equal(expected, await fixture.OnCallEngineerAsync(at));

    [Theory]
    [InlineData("2026-10-26T06:45:00Z", "bram")]
    [InlineData("2026-10-26T07:29:59Z", "bram")]
    [InlineData("2026-10-26T07:30:00Z", "anna")]
    public async Task Handover_after_the_autumn_dst_change_stays_at_0830_amsterdam(string at, string expected) =>
        Assert.Equal(expected, await fixture.OnCallEngineerAsync(at));

    [Fact]
    public async Task Friday_night_is_standby_outside_business_hours()
    {
        var answer = await fixture.OnCallAsync("2026-11-20T22:00:00Z");

        Assert.True(answer.GetProperty("inStandby").GetBoolean());
        Assert.False(answer.GetProperty("inBusinessHours").GetBoolean());
    }

    [Fact]
    public async Task Friday_office_hours_are_business_hours_and_not_standby()
    {
        var answer = await fixture.OnCallAsync("2026-11-20T10:00:00Z");

        Assert.False(answer.GetProperty("inStandby").GetBoolean());
        Assert.True(answer.GetProperty("inBusinessHours").GetBoolean());
    }

    [Fact]
    public async Task A_one_off_standby_period_makes_office_hours_standby()
    {
        using var created = await fixture.Admin.PostAsJsonAsync(
            "/api/v1/customers/acme/standby-periods", new { start = "2026-12-02T10:00:00Z", end = "2026-12-02T12:00:00Z", note = "migration" });
        await HttpAssert.JsonAsync(created, HttpStatusCode.Created);

        var inside = await fixture.OnCallAsync("2026-12-02T11:00:00Z");
        var after = await fixture.OnCallAsync("2026-12-02T12:00:00Z");

        Assert.True(inside.GetProperty("inStandby").GetBoolean());
        Assert.True(inside.GetProperty("inBusinessHours").GetBoolean());
        Assert.False(after.GetProperty("inStandby").GetBoolean());
    }

    [Fact]
    public async Task Without_at_the_answer_is_for_the_server_clock()
    {
        var answer = await HttpAssert.JsonAsync(await fixture.Admin.GetAsync("/api/v1/oncall?customer=acme"), HttpStatusCode.OK);

        Assert.Equal(OnCallServer.Now, answer.GetProperty("at").GetString());
        Assert.Equal("bram", answer.GetProperty("onCall").GetProperty("engineer").GetString());
    }

    [Fact]
    public async Task A_malformed_at_is_a_validation_problem()
    {
        var problem = await HttpAssert.ProblemAsync(await fixture.Admin.GetAsync("/api/v1/oncall?customer=acme&at=tomorrow"), HttpStatusCode.BadRequest);

        Assert.Contains("tomorrow", problem.GetProperty("errors").GetProperty("at")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found() =>
        await HttpAssert.ProblemAsync(await fixture.Admin.GetAsync("/api/v1/oncall?customer=initech"), HttpStatusCode.NotFound);

    [Fact]
    public async Task A_customer_token_sees_its_own_customer_without_naming_it_and_without_engineers_phones()
    {
        using var client = fixture.Server.ClientWithToken(await fixture.SecretAsync("customer", "acme"));

        var answer = await HttpAssert.JsonAsync(await client.GetAsync("/api/v1/oncall?at=2026-11-18T12:00:00Z"), HttpStatusCode.OK);

        Assert.Equal("acme", answer.GetProperty("customer").GetString());
        Assert.Equal(("bram", "Bram Jansen"), (answer.GetProperty("onCall").GetProperty("engineer").GetString(), answer.GetProperty("onCall").GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("onCall").GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("backup").GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task A_pusher_token_may_not_ask_who_is_on_call()
    {
        using var client = fixture.Server.ClientWithToken(await fixture.SecretAsync("pusher", "acme"));

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/v1/oncall?customer=acme"), HttpStatusCode.Forbidden);
    }
}
