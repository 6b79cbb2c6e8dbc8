using System.Net;
using System.Text.RegularExpressions;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The finance pages over plain HTTP: the same drafts, numbers and export bytes as the billing API.</summary>
public sealed partial class FinancePagesTests(FinanceWebServer running) : IClassFixture<FinanceWebServer>
{
    [Fact]
    public async Task Finance_drafts_a_month_issues_it_and_downloads_the_api_csv()
    {
        using var api = await running.ClientAsync("finance");
        await running.AgreeWeekendExampleAsync(api);
        using var browser = await running.SignedInAsync("finance");

        using var drafted = await browser.PostFormAsync("/invoices?month=2026-11&customer=globex", "/invoices", Fields("globex", "2026-11"));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var draftPath = drafted.Headers.Location!.OriginalString;
        var (draftStatus, draftHtml) = await browser.PageAsync(draftPath);
        using var issued = await browser.PostFormAsync(draftPath, $"{draftPath}/issue");
        var (_, issuedHtml) = await browser.PageAsync(issued.Headers.Location!.OriginalString);
        var (listStatus, listHtml) = await browser.PageAsync("/invoices?month=2026-11");
        using var again = await browser.PostFormAsync("/invoices/INV-2026-0001", $"{draftPath}/issue");
        var (againStatus, againHtml) = await ReadAsync(again);

        Assert.Equal(HttpStatusCode.OK, draftStatus);
        Assert.Matches(@"^/invoices/inv_[0-9a-f]{32}$", draftPath);
        Assert.Contains("<td data-label=\"Category\">weekend</td>", draftHtml, StringComparison.Ordinal);
        // A standby line is the category window in the customer's zone, with the agreed hours inside it.
        Assert.Contains(">Sat 21 Nov 2026 08:30 CET</time>", draftHtml, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Agreed h\" class=\"num\">2.00</td>", draftHtml, StringComparison.Ordinal);
        // DOMAIN.md: the weekend minimum of 4 hours at 50% of €100/h.
        Assert.Contains("<td data-label=\"Billed h\" class=\"num\">4.00</td>", draftHtml, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Rate %\" class=\"num\">50</td>", draftHtml, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Amount\" class=\"num\">200.00 EUR</td>", draftHtml, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-label=\"Total\">242.00 EUR</td>", draftHtml, StringComparison.Ordinal);
        Assert.Contains(">Issue</button>", draftHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal("/invoices/INV-2026-0001", issued.Headers.Location!.OriginalString);
        Assert.Contains("<h1>Invoice INV-2026-0001</h1>", issuedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(">Issue</button>", issuedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("<a href=\"/invoices/INV-2026-0001\">INV-2026-0001</a>", listHtml, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Total\" class=\"num\">242.00 EUR</td>", listHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Contains("already issued", againHtml, StringComparison.Ordinal);

        var invoice = await HttpAssert.JsonAsync(await api.GetAsync(new Uri("/api/v1/invoices/INV-2026-0001", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("issued", invoice.GetProperty("status").GetString());
        Assert.Equal(200.00m, invoice.GetProperty("subtotal").GetDecimal());
        using var csv = await browser.Http.GetAsync(new Uri("/invoices/INV-2026-0001/csv", UriKind.Relative));
        using var print = await browser.Http.GetAsync(new Uri("/invoices/INV-2026-0001/print", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("attachment; filename=INV-2026-0001.csv", csv.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await ApiExportAsync(api, "text/csv"), await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await ApiExportAsync(api, "text/html"), await print.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_issue_post_without_the_antiforgery_token_is_400_and_issues_nothing()
    {
        using var browser = await running.SignedInAsync("finance");
        using var drafted = await browser.PostFormAsync("/invoices?month=2026-11", "/invoices", Fields("acme", "2026-11"));
        var draftPath = drafted.Headers.Location!.OriginalString;

        using var forged = await browser.PostWithoutTokenAsync($"{draftPath}/issue");
        var (status, html) = await ReadAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("nothing was changed", html, StringComparison.Ordinal);
        var invoice = await HttpAssert.JsonAsync(await running.Admin.GetAsync(new Uri($"/api/v1{draftPath}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("draft", invoice.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("desk", null)]
    [InlineData("engineer", null)]
    [InlineData("customer", "acme")]
    public async Task Other_roles_get_the_403_page_and_no_finance_links(string role, string? customer)
    {
        using var browser = await running.SignedInAsync(role, customer);

        var (invoices, invoicesHtml) = await browser.PageAsync("/invoices");
        var (report, _) = await browser.PageAsync("/reports/standby-hours?month=2026-11");
        var (csv, _) = await browser.PageAsync("/invoices/INV-2026-0001/csv");
        using var draft = await browser.PostFormAsync("/systems", "/invoices", Fields("acme", "2026-11"));

        Assert.Equal(HttpStatusCode.Forbidden, invoices);
        Assert.Equal(HttpStatusCode.Forbidden, report);
        Assert.Equal(HttpStatusCode.Forbidden, csv);
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
        Assert.DoesNotContain("href=\"/invoices\"", invoicesHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Standby hours", invoicesHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_reads_invoices_and_the_report_but_gets_no_draft_or_issue_form()
    {
        using var browser = await running.SignedInAsync("admin");

        var (status, html) = await browser.PageAsync("/invoices?month=2026-11");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"/invoices\">Invoices</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reports/standby-hours\">Standby hours</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Create draft", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.PageAsync("/reports/standby-hours?month=2026-11")).Status);
    }

    [Fact]
    public async Task The_list_defaults_to_the_previous_month_and_a_finance_login_lands_on_it()
    {
        var (_, secret) = await running.TokenAsync("finance");
        using var browser = new FormClient(running.Server.BaseAddress);

        using var login = await browser.LoginAsync(secret);
        var (status, html) = await browser.PageAsync("/invoices");

        Assert.Equal("/invoices", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        // Virtual time is 1 Dec 2026, so the month being invoiced is November.
        Assert.Contains("<h1>Invoices 2026-11</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Create draft for Globex Inc.\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standby_hours_page_shows_the_api_rows()
    {
        using var api = await running.ClientAsync("finance");
        var rows = await HttpAssert.JsonAsync(await api.GetAsync(new Uri("/api/v1/reports/standby-hours?month=2026-11", UriKind.Relative)), HttpStatusCode.OK);
        using var browser = await running.SignedInAsync("finance");

        var (status, html) = await browser.PageAsync("/reports/standby-hours?month=2026-11");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(0, rows.GetArrayLength());
        var shown = RowPattern().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        var expected = rows.EnumerateArray().Select(r => (
            r.GetProperty("engineer").GetString()!,
            r.GetProperty("category").GetString()!,
            r.GetProperty("hours").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("/invoices?month=november")]
    [InlineData("/invoices?month=2026-13")]
    [InlineData("/reports/standby-hours?month=2026-1")]
    [InlineData("/invoices?customer=nobody")]
    public async Task Bad_input_is_the_400_page(string path)
    {
        using var browser = await running.SignedInAsync("finance");

        var (status, html) = await browser.PageAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("class=\"error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_form_input_is_a_clean_error_page()
    {
        using var browser = await running.SignedInAsync("finance");

        using var month = await browser.PostFormAsync("/invoices", "/invoices", Fields("acme", "soon"));
        using var customer = await browser.PostFormAsync("/invoices", "/invoices", Fields("nobody", "2026-11"));
        using var nothing = await browser.PostFormAsync("/invoices", "/invoices", Fields("globex", "2026-09"));

        Assert.Equal(HttpStatusCode.BadRequest, month.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, customer.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains("no invoice is made", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/invoices/INV-2099-9999")]
    [InlineData("/invoices/inv_00000000000000000000000000000000/csv")]
    [InlineData("/invoices/nope/print")]
    public async Task An_unknown_invoice_is_the_404_page(string path)
    {
        using var browser = await running.SignedInAsync("finance");

        var (status, html) = await browser.PageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Invoice not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuing_an_unknown_draft_is_the_404_page()
    {
        using var browser = await running.SignedInAsync("finance");

        using var response = await browser.PostFormAsync("/invoices", "/invoices/inv_missing/issue");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Dictionary<string, string> Fields(string customer, string month) => new() { ["customer"] = customer, ["month"] = month };

    private static async Task<(HttpStatusCode Status, string Html)> ReadAsync(HttpResponseMessage response) =>
        (response.StatusCode, await response.Content.ReadAsStringAsync());

    private static async Task<byte[]> ApiExportAsync(HttpClient api, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/invoices/INV-2026-0001");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [GeneratedRegex("<td data-label=\"Engineer\">([^<]*)</td>\\s*<td data-label=\"Category\">([^<]*)</td>\\s*<td data-label=\"Hours\" class=\"num\">([^<]*)</td>")]
    private static partial Regex RowPattern();
}
