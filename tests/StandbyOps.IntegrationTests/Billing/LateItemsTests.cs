using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>
/// A month is invoiced once it is over, and a callout that arrives after its month's invoice was issued is billed once,
/// as a late item of the next invoice. The server runs on the real clock, so the months are read from it.
/// </summary>
public sealed class LateItemsTests(BillingServer fixture) : IClassFixture<BillingServer>
{
    [Fact]
    public async Task A_callout_added_after_its_month_was_issued_is_billed_once_on_the_next_invoice_to_the_cent()
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date;
        var current = new YearMonth(today.Year, today.Month);
        var previous = current.OnDayOfMonth(1).PlusMonths(-1);
        var day = previous.ToString("yyyy'-'MM'-'10", CultureInfo.InvariantCulture);
        var nextDay = previous.ToString("yyyy'-'MM'-'11", CultureInfo.InvariantCulture);
        await fixture.AgreeAsync("late", $"{day}T18:00", $"{nextDay}T08:30");
        await AddCalloutAsync("anna", $"{day}T22:00", $"{day}T23:30");
        var previousDraft = await fixture.DraftAsync("late", Month(previous));
        var issued = await HttpAssert.JsonAsync(await fixture.Finance.PostAsync($"/api/v1/invoices/{Id(previousDraft)}/issue", null), HttpStatusCode.OK);

        // The same work, recorded after the month was issued: accepted (no longer 409), billed on the current month.
        await AddCalloutAsync("bram", $"{day}T22:00", $"{day}T23:30");
        var currentDraft = await fixture.DraftAsync("late", Month(current.OnDayOfMonth(1)));
        var redrafted = await fixture.DraftAsync("late", Month(current.OnDayOfMonth(1)));

        var regular = Assert.Single(Lines(issued), l => l.GetProperty("kind").GetString() == "callout");
        var late = Assert.Single(Lines(redrafted));
        Assert.Equal(Id(currentDraft), Id(redrafted));
        Assert.Equal("anna", regular.GetProperty("engineer").GetString());
        Assert.False(regular.TryGetProperty("late", out _));
        Assert.Equal("bram", late.GetProperty("engineer").GetString());
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.Equal($"{day}T22:00", late.GetProperty("localStart").GetString());
        Assert.Equal(regular.GetProperty("amount").GetDecimal(), late.GetProperty("amount").GetDecimal());
        Assert.Equal(late.GetProperty("amount").GetDecimal(), redrafted.GetProperty("subtotal").GetDecimal());

        // Crediting and redrafting the earlier month does not bill the late item a second time.
        await HttpAssert.JsonAsync(await fixture.Finance.PostAsync($"/api/v1/invoices/{Id(issued)}/credit", null), HttpStatusCode.OK);
        var previousAgain = await fixture.DraftAsync("late", Month(previous));
        Assert.Equal(["anna"], Lines(previousAgain).Where(l => l.GetProperty("kind").GetString() == "callout").Select(l => l.GetProperty("engineer").GetString()));

        // The standby-hours report shows both callouts in the month they were worked.
        var report = await HttpAssert.JsonAsync(await fixture.Finance.GetAsync($"/api/v1/reports/standby-hours?month={Month(previous)}"), HttpStatusCode.OK);
        var callouts = report.EnumerateArray().Where(r => r.GetProperty("customer").GetString() == "late" && r.GetProperty("category").GetString() == "callout").ToList();
        Assert.Equal(["anna", "bram"], callouts.Select(r => r.GetProperty("engineer").GetString()).Order(StringComparer.Ordinal));

        // The current month has not ended: it cannot be issued yet.
        var problem = await HttpAssert.ProblemAsync(await fixture.Finance.PostAsync($"/api/v1/invoices/{Id(redrafted)}/issue", null), HttpStatusCode.Conflict);
        Assert.Contains("has not ended yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task AddCalloutAsync(string engineer, string start, string end) =>
        await HttpAssert.JsonAsync(
            await fixture.Finance.PostAsJsonAsync("/api/v1/callouts", new { customer = "late", engineer, start, end }),
            HttpStatusCode.Created);

    private static string Month(LocalDate firstDay) => firstDay.ToString("yyyy'-'MM", CultureInfo.InvariantCulture);

    private static string Id(JsonElement invoice) => invoice.GetProperty("id").GetString()!;

    private static List<JsonElement> Lines(JsonElement invoice) => [.. invoice.GetProperty("lines").EnumerateArray()];
}
