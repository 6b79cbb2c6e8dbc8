using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The SMS pages on an incident's page: staff see who was paged on which number; a customer never sees them.</summary>
public sealed class IncidentSmsPagesTests(StandbyWebServer running) : IClassFixture<StandbyWebServer>
{
    [Fact]
    public async Task Staff_see_who_was_paged_and_a_customer_sees_no_phone_number()
    {
        var caseNumber = await running.FireAndStartPagingAsync(Guid.NewGuid().ToString("N")[..16]);
        // The minimal config keeps the default 15 s group wait before the SMS goes out.
        using var wait = await running.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 20 });
        Assert.True(wait.IsSuccessStatusCode);
        await Poll.UntilAsync(async () =>
        {
            var incident = await running.IncidentAsync(caseNumber);
            return incident.GetProperty("pages").GetArrayLength() == 1
                && incident.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "paged");
        }, "the engineer on call was paged and it is on the timeline");
        var sms = (await running.IncidentAsync(caseNumber)).GetProperty("pages")[0];
        var engineer = sms.GetProperty("engineer").GetString()!;
        var digits = sms.GetProperty("phone").GetString()!.TrimStart('+');
        using var staff = await FormClient.SignedInAsync(running.Server.BaseAddress, (await running.TokenAsync("desk")).Secret);
        using var portal = await FormClient.SignedInAsync(running.Server.BaseAddress, (await running.TokenAsync("customer", "acme")).Secret);

        var (staffStatus, staffHtml) = await staff.PageAsync($"/incidents/{caseNumber}");
        var (portalStatus, portalHtml) = await portal.PageAsync($"/incidents/{caseNumber}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (staffStatus, portalStatus));
        Assert.Contains($"<td data-label=\"Engineer\">{engineer}</td>", staffHtml, StringComparison.Ordinal);
        Assert.Contains(digits, staffHtml, StringComparison.Ordinal);
        Assert.Contains($"Paged {engineer}", portalHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(digits, portalHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Pages</h2>", portalHtml, StringComparison.Ordinal);
    }
}
