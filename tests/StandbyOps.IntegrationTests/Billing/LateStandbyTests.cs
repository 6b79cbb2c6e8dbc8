using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>
/// Standby agreed for a month after its invoice was issued (a corrected period) lands on the next invoice as late
/// items, exactly once and to the cent; the CSV marks them and the standby-hours report shows them. The class moves
/// its server's virtual clock from 31 Dec 2026 23:00 to 1 Jan 2027 01:00 (Amsterdam).
/// </summary>
public sealed class LateStandbyTests(YearEndInvoiceServer running) : IClassFixture<YearEndInvoiceServer>
{
    [Fact]
    public async Task Standby_corrected_after_its_month_was_issued_is_billed_once_on_the_next_invoice_to_the_cent()
    {
        using var finance = await running.ClientAsync("finance");
        await PayableInvoiceServer.AgreeAsync(finance, "late", "2026-11-21T10:00", "2026-11-21T12:00");
        var november = await PayableInvoiceServer.IssueAsync(finance, "late", "2026-11");

        // Corrections after issue: Saturday ran on to 17:25, and Tuesday evening 19:00–20:00 was agreed too.
        await PayableInvoiceServer.AgreeAsync(finance, "late", "2026-11-21T12:00", "2026-11-21T17:25");
        await PayableInvoiceServer.AgreeAsync(finance, "late", "2026-11-24T19:00", "2026-11-24T20:00");
        var refused = await HttpAssert.ProblemAsync(await finance.PostAsJsonAsync("/api/v1/invoices", new { customer = "late", month = "2026-11" }), HttpStatusCode.Conflict);
        var december = await PayableInvoiceServer.DraftAsync(finance, "late", "2026-12");
        using var csv = await finance.GetAsync(new Uri($"/api/v1/invoices/{december.GetProperty("id").GetString()}.csv", UriKind.Relative));
        var report = await HttpAssert.JsonAsync(await finance.GetAsync(new Uri("/api/v1/reports/standby-hours?month=2026-11&customer=late", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Contains("already invoiced", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(200.00m, november.GetProperty("subtotal").GetDecimal());
        var lines = Lines(december);
        Assert.All(lines, l => Assert.True(l.GetProperty("late").GetBoolean()));
        // Saturday: 2 h were billed at the 4 h minimum (€200.00); 7 h 25 min at 50% of €100 = €370.83 → €170.83 more.
        var weekend = Assert.Single(lines, l => l.GetProperty("category").GetString() == "weekend");
        Assert.Equal("2026-11-21T08:30", weekend.GetProperty("localStart").GetString());
        Assert.Equal(325, weekend.GetProperty("agreedMinutes").GetInt64());
        Assert.Equal(205, weekend.GetProperty("billedMinutes").GetInt64());
        Assert.Equal(170.83m, weekend.GetProperty("amount").GetDecimal());
        // Tuesday evening: 1 h < 2 h minimum → €200.00.
        var night = Assert.Single(lines, l => l.GetProperty("category").GetString() == "night");
        Assert.Equal(200.00m, night.GetProperty("amount").GetDecimal());
        Assert.Equal(370.83m, december.GetProperty("subtotal").GetDecimal());
        Assert.Equal(77.87m, december.GetProperty("vat").GetDecimal());
        // The CSV's late column, and the report's late minutes in the month the standby was agreed for.
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var late = Array.IndexOf(rows[0].Split(','), "late");
        Assert.True(late > 0);
        Assert.All(rows.Skip(1).Where(r => r.Contains(",standby,", StringComparison.Ordinal)), r => Assert.Equal("true", r.Split(',')[late]));
        Assert.Equal(325, LateMinutes(report, "weekend"));
        Assert.Equal(60, LateMinutes(report, "night"));

        // December ends; it is issued with the late items. January bills none of them again.
        using (var advance = await running.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { to = "2027-01-01T00:00:00Z" }))
        {
            Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        }

        var issuedDecember = await PayableInvoiceServer.IssueAsync(finance, "late", "2026-12");
        var january = await HttpAssert.ProblemAsync(await finance.PostAsJsonAsync("/api/v1/invoices", new { customer = "late", month = "2027-01" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(370.83m, issuedDecember.GetProperty("subtotal").GetDecimal());
        Assert.Equal("nothing-to-bill", january.GetProperty("code").GetString());

        // Crediting November and drafting it again bills only what November's invoice billed, not the late items twice.
        using (var credit = await finance.PostAsync(new Uri($"/api/v1/invoices/{november.GetProperty("number").GetString()}/credit", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, credit.StatusCode);
        }

        var redrafted = await PayableInvoiceServer.DraftAsync(finance, "late", "2026-11");
        Assert.Equal(200.00m, redrafted.GetProperty("subtotal").GetDecimal());
        Assert.Equal(Lines(november)[0].GetProperty("localStart").GetString(), Assert.Single(Lines(redrafted)).GetProperty("localStart").GetString());
    }

    private static List<JsonElement> Lines(JsonElement invoice) => [.. invoice.GetProperty("lines").EnumerateArray()];

    private static long LateMinutes(JsonElement report, string category) =>
        report.EnumerateArray().Where(r => r.GetProperty("customer").GetString() == "late" && r.GetProperty("category").GetString() == category)
            .Sum(r => r.GetProperty("lateMinutes").GetInt64());
}
