using System.Net;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The on-call page: the same answer as <c>GET /api/v1/oncall</c>, for staff only.</summary>
public sealed class OnCallPagesTests(WebServer running) : IClassFixture<WebServer>
{
    [Fact]
    public async Task Staff_see_who_is_on_call_now_as_the_api_says_with_a_number_to_call()
    {
        var api = await HttpAssert.JsonAsync(await running.Admin.GetAsync(new Uri("/api/v1/oncall?customer=acme", UriKind.Relative)), HttpStatusCode.OK);
        var onCall = api.GetProperty("onCall");
        var (_, secret, _) = await running.NamedTokenAsync("desk");
        using var browser = await FormClient.SignedInAsync(running.Server.BaseAddress, secret);

        var (status, html) = await browser.PageAsync("/oncall");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = html[html.IndexOf("<td data-label=\"Customer\">ACME B.V.</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        // Virtual time is Fri 20 Nov 2026 15:00 Amsterdam: office hours, outside acme's agreed standby.
        Assert.False(api.GetProperty("inStandby").GetBoolean());
        Assert.Contains("business hours", row, StringComparison.Ordinal);
        Assert.Contains($"<td data-label=\"On call\">{onCall.GetProperty("name").GetString()} <a href=\"tel:&#x2B;{onCall.GetProperty("phone").GetString()![1..]}\">", row, StringComparison.Ordinal);
        Assert.Contains("Globex Inc.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_may_not_see_the_engineers_numbers()
    {
        var (_, secret, _) = await running.NamedTokenAsync("customer", "acme");
        using var portal = await FormClient.SignedInAsync(running.Server.BaseAddress, secret);

        var (status, html) = await portal.PageAsync("/oncall");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("href=\"/oncall\"", html, StringComparison.Ordinal);
    }
}
