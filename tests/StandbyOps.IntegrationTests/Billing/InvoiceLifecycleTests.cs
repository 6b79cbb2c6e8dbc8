using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Server;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>Issue, export, change the rate card, export again; and the export CLI verb on the same data.</summary>
public sealed class InvoiceLifecycleTests(BillingServer fixture) : IClassFixture<BillingServer>
{
    [Fact]
    public async Task An_issued_invoice_exports_byte_identical_after_the_rate_card_changed_and_the_cli_writes_it()
    {
        await fixture.AgreeAsync("export", "2026-11-21T10:00", "2026-11-21T12:00");
        var draft = await fixture.DraftAsync("export", "2026-11");
        var id = draft.GetProperty("id").GetString()!;
        var issued = await HttpAssert.JsonAsync(await fixture.Finance.PostAsync($"/api/v1/invoices/{id}/issue", null), HttpStatusCode.OK);
        var number = issued.GetProperty("number").GetString()!;
        var before = await ExportsAsync(number);

        fixture.Directory.Write("standbyops.yaml", BillingConfigs.WithRate("250.00"));
        await HttpAssert.JsonAsync(await fixture.Admin.PostAsync("/api/v1/admin/reload", null), HttpStatusCode.OK);
        await fixture.AgreeAsync("weekend", "2026-11-21T10:00", "2026-11-21T12:00");
        var repriced = await fixture.DraftAsync("weekend", "2026-11");
        var after = await ExportsAsync(number);
        var cli = await ServerProcess.RunCliAsync(["invoices", "export", "--month", "2026-11", "--format", "csv", "--out", fixture.Directory.File("out"), "--data-dir", fixture.Server.DataDirectory, "--config", fixture.ConfigPath]);

        Assert.Matches(@"^INV-\d{4}-\d{4}$", number);
        Assert.Equal(500.00m, repriced.GetProperty("subtotal").GetDecimal());
        Assert.Equal(before, after);
        Assert.True(cli.ExitCode == 0, cli.StandardError + cli.StandardOutput);
        Assert.Equal(before[1], await File.ReadAllBytesAsync(Path.Combine(fixture.Directory.File("out"), $"{number}.csv")));
        Assert.True(File.Exists(Path.Combine(fixture.Directory.File("out"), "weekend-2026-11-draft.csv")));
    }

    [Fact]
    public async Task The_export_cli_refuses_a_bad_month_with_a_clear_message()
    {
        var cli = await ServerProcess.RunCliAsync(["invoices", "export", "--month", "november", "--format", "csv", "--out", fixture.Directory.File("bad"), "--data-dir", fixture.Server.DataDirectory, "--config", fixture.ConfigPath]);

        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("--month", cli.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callouts_are_locked_once_the_month_is_issued_and_a_credit_note_reopens_it()
    {
        await fixture.AgreeAsync("night", "2026-11-24T18:00", "2026-11-25T08:30");
        var callout = await HttpAssert.JsonAsync(
            await fixture.Finance.PostAsJsonAsync("/api/v1/callouts", new { customer = "night", engineer = "anna", start = "2026-11-24T22:00", end = "2026-11-24T23:30" }),
            HttpStatusCode.Created);
        var draft = await fixture.DraftAsync("night", "2026-11");
        var issued = await HttpAssert.JsonAsync(await fixture.Finance.PostAsync($"/api/v1/invoices/{draft.GetProperty("id").GetString()}/issue", null), HttpStatusCode.OK);
        var correction = new { customer = "night", engineer = "bram", start = "2026-11-24T22:00", end = "2026-11-24T23:30" };

        var locked = await fixture.Finance.PutAsJsonAsync($"/api/v1/callouts/{callout.GetProperty("id").GetString()}", correction);
        await HttpAssert.ProblemAsync(locked, HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await fixture.Finance.PostAsJsonAsync("/api/v1/invoices", new { customer = "night", month = "2026-11" }), HttpStatusCode.Conflict);
        var credit = await HttpAssert.JsonAsync(await fixture.Finance.PostAsync($"/api/v1/invoices/{issued.GetProperty("id").GetString()}/credit", null), HttpStatusCode.OK);
        var corrected = await fixture.Finance.PutAsJsonAsync($"/api/v1/callouts/{callout.GetProperty("id").GetString()}", correction);

        Assert.Equal(issued.GetProperty("number").GetString(), credit.GetProperty("credits").GetString());
        Assert.Equal(-issued.GetProperty("total").GetDecimal(), credit.GetProperty("total").GetDecimal());
        Assert.Equal("bram", (await HttpAssert.JsonAsync(corrected, HttpStatusCode.OK)).GetProperty("engineer").GetString());
    }

    [Fact]
    public async Task An_invoice_is_served_as_csv_or_html_by_accept_header()
    {
        await fixture.AgreeAsync("xmas", "2026-12-25T00:00", "2026-12-27T00:00");
        var id = (await fixture.DraftAsync("xmas", "2026-12")).GetProperty("id").GetString();

        using var csv = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{id}");
        csv.Headers.Accept.ParseAdd("text/csv");
        using var html = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{id}");
        html.Headers.Accept.ParseAdd("text/html");

        Assert.Equal("text/csv", (await fixture.Finance.SendAsync(csv)).Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/html", (await fixture.Finance.SendAsync(html)).Content.Headers.ContentType?.MediaType);
    }

    private async Task<byte[][]> ExportsAsync(string number) =>
    [
        await fixture.Finance.GetByteArrayAsync($"/api/v1/invoices/{number}"),
        await fixture.Finance.GetByteArrayAsync($"/api/v1/invoices/{number}.csv"),
        await fixture.Finance.GetByteArrayAsync($"/api/v1/invoices/{number}.html"),
    ];
}
