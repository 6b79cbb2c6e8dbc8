using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using StandbyOps.IntegrationTests.Billing;
using StandbyOps.IntegrationTests.Incidents;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Reports;

/// <summary>The SLA report of a month against the incidents' own deadline fields, on the real server on virtual time.</summary>
public sealed partial class SlaReportTests(VirtualTimeIncidentServer running) : IClassFixture<VirtualTimeIncidentServer>
{
    [Fact]
    public async Task The_report_counts_equal_the_incidents_own_deadline_fields_for_the_month()
    {
        var first = await running.FireAsync("5a1a000000000001", severity: "critical");
        await running.FireAsync("5a1a000000000002", severity: "critical");
        await running.FireAsync("5a1a000000000003", severity: "warning");
        await running.FireAsync("5a1a000000000004", severity: "info");
        using (var ack = await running.Admin.PostAsync($"/api/v1/incidents/{first}/acknowledge", null))
        {
            Assert.True(ack.IsSuccessStatusCode);
        }

        // Past the P1 response deadline (Mon 23 Nov 09:30Z) of the unacknowledged P1.
        using (var advance = await running.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { to = "2026-11-23T12:00:00Z" }))
        {
            await HttpAssert.JsonAsync(advance, HttpStatusCode.OK);
        }

        await Poll.UntilAsync(async () => (await IncidentsAsync()).Count(i => i.GetProperty("responseBreached").GetBoolean()) >= 1, "a response breach");
        var incidents = await IncidentsAsync();
        var report = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/reports/sla?customer=acme&month=2026-11"), HttpStatusCode.OK);

        foreach (var figures in report.GetProperty("priorities").EnumerateArray().Append(report.GetProperty("total")))
        {
            var label = figures.GetProperty("priority").GetString()!;
            var mine = incidents.Where(i => label == "all" || i.GetProperty("priority").GetString() == label).ToList();
            Assert.Equal(mine.Count, figures.GetProperty("tickets").GetInt32());
            Assert.Equal(mine.Count(i => i.GetProperty("responseBreached").GetBoolean()), figures.GetProperty("responseBreached").GetInt32());
            Assert.Equal(mine.Count(i => i.GetProperty("resolutionBreached").GetBoolean()), figures.GetProperty("resolutionBreached").GetInt32());
            Assert.Equal(
                mine.Count(i => i.GetProperty("responseDueAt").ValueKind != JsonValueKind.Null && !i.GetProperty("responseBreached").GetBoolean()),
                figures.GetProperty("responseMet").GetInt32() + figures.GetProperty("responsePending").GetInt32());
            Assert.Equal(
                mine.Count(i => i.GetProperty("resolutionDueAt").ValueKind != JsonValueKind.Null && !i.GetProperty("resolutionBreached").GetBoolean()),
                figures.GetProperty("resolutionMet").GetInt32() + figures.GetProperty("resolutionPending").GetInt32());
        }

        var total = report.GetProperty("total");
        Assert.Equal(4, total.GetProperty("tickets").GetInt32());
        Assert.True(total.GetProperty("responseBreached").GetInt32() >= 1);
        Assert.Equal(0.0, total.GetProperty("meanAcknowledgeMinutes").GetDouble());

        using var csv = await running.Admin.GetAsync("/api/v1/reports/sla.csv?customer=acme&month=2026-11");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains($"acme,2026-11,all,4,{total.GetProperty("responseMet").GetInt32()},{total.GetProperty("responseBreached").GetInt32()},", text, StringComparison.Ordinal);

        // The PDF shows the same figures: one row per priority and the total, in the page's formats.
        using var pdf = await running.Admin.GetAsync("/api/v1/reports/sla.pdf?customer=acme&month=2026-11");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        AssertPdfShows(report, PayableInvoiceServer.PdfText(bytes));
        Assert.Equal(bytes, await running.Admin.GetByteArrayAsync("/api/v1/reports/sla.pdf?customer=acme&month=2026-11"));

        // A December report holds none of them.
        var december = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/reports/sla?customer=acme&month=2026-12"), HttpStatusCode.OK);
        Assert.Equal(0, december.GetProperty("total").GetProperty("tickets").GetInt32());
    }

    [Fact]
    public async Task The_report_checks_its_caller_and_its_input()
    {
        using var globex = await running.ClientAsync("customer", "globex");
        await HttpAssert.ProblemAsync(await globex.GetAsync("/api/v1/reports/sla?customer=acme&month=2026-11"), HttpStatusCode.NotFound);
        using var engineer = await running.ClientAsync("engineer");
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/v1/reports/sla?customer=acme&month=2026-11")).StatusCode);
        var problem = await HttpAssert.ProblemAsync(await running.Admin.GetAsync("/api/v1/reports/sla?customer=acme&month=November"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("month", out _));
        var own = await HttpAssert.JsonAsync(await globex.GetAsync("/api/v1/reports/sla?month=2026-11"), HttpStatusCode.OK);
        Assert.Equal("globex", own.GetProperty("customer").GetString());

        await HttpAssert.ProblemAsync(await globex.GetAsync("/api/v1/reports/sla.pdf?customer=acme&month=2026-11"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/v1/reports/sla.pdf?customer=acme&month=2026-11")).StatusCode);
        await HttpAssert.ProblemAsync(await running.Admin.GetAsync("/api/v1/reports/sla.pdf?customer=acme&month=13"), HttpStatusCode.BadRequest);
        using var ownPdf = await globex.GetAsync("/api/v1/reports/sla.pdf?month=2026-11");
        Assert.Equal(HttpStatusCode.OK, ownPdf.StatusCode);
        Assert.Contains("SLA report 2026-11 · Globex Inc.", PayableInvoiceServer.PdfText(await ownPdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        using var finance = await running.ClientAsync("finance");
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/api/v1/reports/sla.pdf?customer=acme&month=2026-11")).StatusCode);
    }

    /// <summary>Each priority's two rows (deadlines, times) and the standby and availability figures of <paramref name="report"/> are lines of <paramref name="text"/>.</summary>
    private static void AssertPdfShows(JsonElement report, string text)
    {
        var lines = text.Split('\n').Select(l => Spaces().Replace(l.Trim(), " ")).ToList();
        Assert.Contains("SLA report 2026-11 · ACME B.V.", text, StringComparison.Ordinal);
        foreach (var f in report.GetProperty("priorities").EnumerateArray().Append(report.GetProperty("total")))
        {
            string Count(string name) => f.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);
            string Minutes(string name) => f.GetProperty(name).ValueKind == JsonValueKind.Null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{f.GetProperty(name).GetDouble():0.#} min");
            var label = f.GetProperty("priority").GetString();
            Assert.Contains(string.Join(' ', label, Count("tickets"), Count("responseMet"), Count("responseBreached"), Count("responsePending"),
                Count("resolutionMet"), Count("resolutionBreached"), Count("resolutionPending")), lines);
            Assert.Contains(string.Join(' ', label, Minutes("meanAcknowledgeMinutes"), Minutes("p90AcknowledgeMinutes"), Minutes("meanResolveMinutes"), Minutes("p90ResolveMinutes")), lines);
        }

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Agreed standby: {report.GetProperty("standbyHours").GetDecimal():0.##} h"), lines);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Callouts: {report.GetProperty("callouts").GetInt32()} ({report.GetProperty("calloutHours").GetDecimal():0.##} h)"), lines);
        foreach (var s in report.GetProperty("availability").EnumerateArray())
        {
            var percent = s.GetProperty("availabilityPercent").ValueKind == JsonValueKind.Null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{s.GetProperty("availabilityPercent").GetDouble():0.###} %");
            Assert.Contains(lines, l => l.StartsWith($"{s.GetProperty("name").GetString()} {percent} ", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private async Task<JsonElement[]> IncidentsAsync() =>
        (await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray()
            .Where(i => i.GetProperty("customer").GetString() == "acme").ToArray();
}
