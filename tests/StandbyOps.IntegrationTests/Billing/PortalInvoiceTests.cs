using System.Net;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.IntegrationTests.Web;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>Customers see their own issued invoices in the portal, and only those; finance credits an invoice from its page.</summary>
public sealed class PortalInvoiceTests(PayableInvoiceServer running) : IClassFixture<PayableInvoiceServer>
{
    [Fact]
    public async Task A_customer_sees_and_downloads_its_own_issued_invoices_only()
    {
        using var finance = await running.ClientAsync("finance");
        await PayableInvoiceServer.AgreeAsync(finance, "globex", "2026-11-21T10:00", "2026-11-21T12:00");
        await PayableInvoiceServer.AgreeAsync(finance, "initech", "2026-11-21T10:00", "2026-11-21T12:00");
        var own = (await PayableInvoiceServer.IssueAsync(finance, "globex", "2026-11")).GetProperty("number").GetString()!;
        var other = (await PayableInvoiceServer.IssueAsync(finance, "initech", "2026-11")).GetProperty("number").GetString()!;
        await PayableInvoiceServer.AgreeAsync(finance, "globex", "2026-12-05T10:00", "2026-12-05T12:00");
        var draft = (await PayableInvoiceServer.DraftAsync(finance, "globex", "2026-12")).GetProperty("id").GetString()!;
        using var globex = await running.SignedInAsync("customer", "globex");

        var (listStatus, list) = await globex.PageAsync("/portal/invoices");
        using var pdf = await globex.Http.GetAsync(new Uri($"/portal/invoices/{own}/pdf", UriKind.Relative));
        var (printStatus, print) = await globex.PageAsync($"/portal/invoices/{own}/print");
        var (otherPdf, _) = await globex.PageAsync($"/portal/invoices/{other}/pdf");
        var (otherPrint, otherHtml) = await globex.PageAsync($"/portal/invoices/{other}/print");
        var (draftPdf, _) = await globex.PageAsync($"/portal/invoices/{draft}/pdf");
        var (financePage, _) = await globex.PageAsync($"/invoices/{own}");
        var (financePdf, _) = await globex.PageAsync($"/invoices/{own}/pdf");
        using var customerApi = await running.ClientAsync("customer", "globex");
        using var api = await customerApi.GetAsync(new Uri($"/api/v1/invoices/{own}.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("<a href=\"/portal/invoices\">Invoices</a>", list, StringComparison.Ordinal);
        Assert.Contains($"<td data-label=\"Number\">{own}</td>", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/portal/invoices/{own}/pdf\"", list, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Due\">2026-12-31</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(other, list, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{own}.pdf", pdf.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(await PayableInvoiceServer.PdfAsync(finance, own), await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, printStatus);
        Assert.Contains("Globex International GmbH", print, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherPdf);
        Assert.Equal(HttpStatusCode.NotFound, otherPrint);
        Assert.DoesNotContain("Initech", otherHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, draftPdf);
        Assert.Equal(HttpStatusCode.Forbidden, financePage);
        Assert.Equal(HttpStatusCode.Forbidden, financePdf);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Staff_roles_have_no_portal_invoices()
    {
        using var finance = await running.SignedInAsync("finance");

        var (status, _) = await finance.PageAsync("/portal/invoices");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Finance_credits_an_issued_invoice_from_its_page_and_the_customer_sees_the_credit_note()
    {
        using var api = await running.ClientAsync("finance");
        await PayableInvoiceServer.AgreeAsync(api, "umbrella", "2026-11-21T10:00", "2026-11-21T12:00");
        var number = (await PayableInvoiceServer.IssueAsync(api, "umbrella", "2026-11")).GetProperty("number").GetString()!;
        using var browser = await running.SignedInAsync("finance");

        var (_, page) = await browser.PageAsync($"/invoices/{number}");
        var id = System.Text.RegularExpressions.Regex.Match(page, "action=\"/invoices/(inv_[0-9a-f]{32})/credit\"").Groups[1].Value;
        using var credited = await browser.PostFormAsync($"/invoices/{number}", $"/invoices/{id}/credit");
        var creditPath = credited.Headers.Location?.OriginalString;
        var (_, creditPage) = await browser.PageAsync(creditPath!);
        var (_, afterPage) = await browser.PageAsync($"/invoices/{number}");
        using var again = await browser.PostFormAsync($"/invoices/{creditPath!["/invoices/".Length..]}", $"/invoices/{id}/credit");
        var original = await HttpAssert.JsonAsync(await api.GetAsync(new Uri($"/api/v1/invoices/{number}", UriKind.Relative)), HttpStatusCode.OK);
        using var umbrella = await running.SignedInAsync("customer", "umbrella");
        var (_, portal) = await umbrella.PageAsync("/portal/invoices");

        Assert.Contains(">Credit this invoice</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, credited.StatusCode);
        Assert.Matches(@"^/invoices/INV-2026-\d{4}$", creditPath);
        Assert.Contains($"<h1>Credit note {creditPath!["/invoices/".Length..]}</h1>", creditPage, StringComparison.Ordinal);
        Assert.Matches("[-−]242\\.00 EUR", creditPage);
        Assert.DoesNotContain(">Credit this invoice</button>", afterPage, StringComparison.Ordinal);
        Assert.Contains("credited", afterPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PageAsync($"/invoices/{creditPath!["/invoices/".Length..]}/pdf")).Status);
        Assert.Equal("invoice", original.GetProperty("type").GetString());
        Assert.Contains($"Credit note for {number}", portal, StringComparison.Ordinal);
        Assert.Contains("Invoice (credited)", portal, StringComparison.Ordinal);
    }
}
