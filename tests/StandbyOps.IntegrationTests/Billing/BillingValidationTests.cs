using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>Bad billing input gets a problem response naming the field, and nothing is written.</summary>
public sealed class BillingValidationTests(BillingServer fixture) : IClassFixture<BillingServer>
{
    [Fact]
    public async Task An_inverted_period_is_a_validation_problem_and_nothing_is_stored()
    {
        var response = await fixture.Finance.PostAsJsonAsync("/api/v1/customers/checks/standby-periods", new { start = "2026-11-24T20:00", end = "2026-11-24T19:00" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("end", out _));
        var stored = await HttpAssert.JsonAsync(await fixture.Finance.GetAsync("/api/v1/customers/checks/standby-periods"), HttpStatusCode.OK);
        Assert.Equal(0, stored.GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        var response = await fixture.Finance.PostAsJsonAsync("/api/v1/invoices", new { customer = "globex", month = "2026-11" });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_month_with_nothing_to_bill_is_unprocessable()
    {
        var response = await fixture.Finance.PostAsJsonAsync("/api/v1/invoices", new { customer = "checks", month = "2026-02" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("nothing-to-bill", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_callout_outside_agreed_standby_is_unprocessable_and_not_stored()
    {
        var response = await fixture.Finance.PostAsJsonAsync("/api/v1/callouts", new { customer = "checks", engineer = "anna", start = "2026-11-10T03:00", end = "2026-11-10T04:00" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not inside agreed standby", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await HttpAssert.JsonAsync(await fixture.Finance.GetAsync("/api/v1/callouts?customer=checks&month=2026-11"), HttpStatusCode.OK);
        Assert.Equal(0, stored.GetArrayLength());
    }

    [Fact]
    public async Task Only_finance_may_draft_an_invoice()
    {
        var response = await fixture.Admin.PostAsJsonAsync("/api/v1/invoices", new { customer = "checks", month = "2026-11" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_standby_hours_report_splits_the_covered_weekends_between_the_rota_engineers()
    {
        var rows = await HttpAssert.JsonAsync(await fixture.Finance.GetAsync("/api/v1/reports/standby-hours?month=2026-11&customer=payroll"), HttpStatusCode.OK);

        var weekend = rows.EnumerateArray().Where(r => r.GetProperty("category").GetString() == "weekend").ToList();
        Assert.Equal(["anna", "bram"], weekend.Select(r => r.GetProperty("engineer").GetString()).Order(StringComparer.Ordinal));

        // Nine weekend days in November 2026, 08:30-18:00 each.
        Assert.Equal(85.5m, weekend.Sum(r => r.GetProperty("hours").GetDecimal()));
    }
}
