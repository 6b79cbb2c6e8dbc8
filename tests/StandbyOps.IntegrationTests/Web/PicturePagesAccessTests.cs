using System.Net;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>Who may see the status, SLA report and rota pages and post the rota forms; bad input on the forms.</summary>
public sealed class PicturePagesAccessTests(WebServer running) : IClassFixture<WebServer>
{
    [Fact]
    public async Task A_customer_sees_only_its_own_status_and_sla_report_and_no_rota()
    {
        var (_, secret, _) = await running.NamedTokenAsync("customer", "acme");
        using var portal = await FormClient.SignedInAsync(running.Server.BaseAddress, secret);

        var (own, ownHtml) = await portal.PageAsync("/status");
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains("Status of ACME B.V.", ownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", ownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.PageAsync("/status?customer=globex")).Status);
        Assert.Equal(HttpStatusCode.OK, (await portal.PageAsync("/reports/sla?month=2026-10")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.PageAsync("/reports/sla?customer=globex&month=2026-10")).Status);
        Assert.Equal(HttpStatusCode.OK, (await portal.PageAsync("/reports/sla.pdf?month=2026-10")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.PageAsync("/reports/sla.pdf?customer=globex&month=2026-10")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await portal.PageAsync("/rota")).Status);
    }

    [Fact]
    public async Task An_engineer_reads_the_rota_but_may_not_post_an_override_and_finance_reads_the_sla_report()
    {
        var (_, engineer, _) = await running.NamedTokenAsync("engineer");
        using var staff = await FormClient.SignedInAsync(running.Server.BaseAddress, engineer);
        Assert.Equal(HttpStatusCode.OK, (await staff.PageAsync("/rota?team=ops-nl&view=month&from=2026-11-01")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PageAsync("/reports/sla")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PageAsync("/reports/sla.pdf?customer=acme&month=2026-10")).Status);
        var refused = await staff.PostFormAsync("/rota", "/rota/overrides",
            new Dictionary<string, string> { ["team"] = "ops-nl", ["engineer"] = "anna", ["start"] = "2026-12-09T10:00", ["end"] = "2026-12-09T12:00" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var (_, finance, _) = await running.NamedTokenAsync("finance");
        using var books = await FormClient.SignedInAsync(running.Server.BaseAddress, finance);
        var (status, html) = await books.PageAsync("/reports/sla?customer=globex&month=2026-10");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("SLA report · Globex Inc. · 2026-10", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/sla.pdf?customer=globex&amp;month=2026-10\"", html, StringComparison.Ordinal);
        var (csvStatus, csv) = await books.PageAsync("/reports/sla.csv?customer=globex&month=2026-10");
        Assert.Equal(HttpStatusCode.OK, csvStatus);
        Assert.StartsWith("customer,month,priority,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await books.PageAsync("/reports/sla?month=October")).Status);
    }

    [Fact]
    public async Task The_rota_forms_need_their_token_and_show_bad_input_beside_the_form()
    {
        var (_, desk, _) = await running.NamedTokenAsync("desk");
        using var browser = await FormClient.SignedInAsync(running.Server.BaseAddress, desk);
        var fields = new Dictionary<string, string> { ["team"] = "ops-nl", ["engineer"] = "anna", ["start"] = "2026-12-10T12:00", ["end"] = "2026-12-10T10:00" };

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostWithoutTokenAsync("/rota/overrides", fields)).StatusCode);
        var backwards = await browser.PostFormAsync("/rota", "/rota/overrides", fields);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("end: The override must end", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nobody = await browser.PostFormAsync("/rota", "/rota/overrides", new Dictionary<string, string>(fields) { ["engineer"] = "mallory", ["end"] = "2026-12-10T14:00" });
        Assert.Contains("engineer: &#x27;mallory&#x27; is not an engineer", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var period = await browser.PostFormAsync("/rota", "/rota/standby-periods",
            new Dictionary<string, string> { ["team"] = "ops-nl", ["customer"] = "acme", ["start"] = "soon", ["end"] = "2026-12-10T14:00" });
        Assert.Equal(HttpStatusCode.BadRequest, period.StatusCode);
        Assert.Contains("start:", await period.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await browser.PostFormAsync("/rota", "/rota/standby-periods",
            new Dictionary<string, string> { ["team"] = "ops-nl", ["customer"] = "acme", ["start"] = "2026-12-12T10:00", ["end"] = "2026-12-12T16:00", ["note"] = "release" });
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var periods = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/customers/acme/standby-periods?from=2026-12-12T00:00:00Z&to=2026-12-13T00:00:00Z"), HttpStatusCode.OK);
        var period1 = Assert.Single(periods.EnumerateArray());
        // 10:00 Amsterdam is 09:00 UTC in December.
        Assert.Equal("2026-12-12T09:00:00Z", period1.GetProperty("start").GetString());
        Assert.Equal("release", period1.GetProperty("note").GetString());
    }
}
