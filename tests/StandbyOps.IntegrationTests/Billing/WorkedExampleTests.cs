using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>Every DOMAIN.md worked example, agreed and drafted through the real HTTP API (€100/h, Amsterdam, NL holidays).</summary>
public sealed class WorkedExampleTests(BillingServer fixture) : IClassFixture<BillingServer>
{
    [Theory]
    [InlineData("weekend", "2026-11-21T10:00", "2026-11-21T12:00", "2026-11", "200.00")]
    [InlineData("night", "2026-11-24T18:00", "2026-11-25T08:30", "2026-11", "1450.00")]
    [InlineData("xmas", "2026-12-25T00:00", "2026-12-27T00:00", "2026-12", "4800.00")]
    [InlineData("dst", "2026-10-24T18:00", "2026-10-25T08:30", "2026-10", "1550.00")]
    public async Task An_agreed_one_off_period_drafts_the_worked_example_amount(string customer, string start, string end, string month, string subtotal)
    {
        await fixture.AgreeAsync(customer, start, end);

        var draft = await fixture.DraftAsync(customer, month);

        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(JsonValueKindNull, draft.GetProperty("number").ValueKind);
        Assert.Equal(decimal.Parse(subtotal, System.Globalization.CultureInfo.InvariantCulture), draft.GetProperty("subtotal").GetDecimal());
    }

    [Fact]
    public async Task A_callout_inside_a_short_evening_period_is_billed_one_hour_on_top_of_the_night_minimum()
    {
        await fixture.AgreeAsync("callout", "2026-11-24T19:00", "2026-11-24T20:00");
        var callout = await fixture.Finance.PostAsJsonAsync("/api/v1/callouts", new { customer = "callout", engineer = "anna", start = "2026-11-24T19:10", end = "2026-11-24T19:35", caseNumber = "C-2026-0001" });
        await HttpAssert.JsonAsync(callout, HttpStatusCode.Created);

        var draft = await fixture.DraftAsync("callout", "2026-11");

        var amounts = draft.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("amount").GetDecimal())).ToList();
        Assert.Equal([("standby", 200.00m), ("callout", 100.00m)], amounts);
        Assert.Equal(300.00m, draft.GetProperty("subtotal").GetDecimal());
        Assert.Equal(363.00m, draft.GetProperty("total").GetDecimal());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
