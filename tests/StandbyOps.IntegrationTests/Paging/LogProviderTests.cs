using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Incidents;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Paging;

public sealed class LogProviderTests(VirtualTimeIncidentServer server) : IClassFixture<VirtualTimeIncidentServer>
{
    [Fact]
    public async Task Twilio_webhooks_are_not_found_with_the_log_provider()
    {
        using var status = await server.Server.Http.PostAsync("/api/v1/twilio/status", new FormUrlEncodedContent([new("MessageSid", "SM1"), new("MessageStatus", "delivered")]));
        using var sms = await server.Server.Http.PostAsync("/api/v1/twilio/sms", new FormUrlEncodedContent([new("From", "+31612345678"), new("Body", "1A")]));

        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sms.StatusCode);
    }

    [Fact]
    public async Task A_night_incident_pages_into_the_outbox_and_shows_in_the_incident_pages()
    {
        using var advance = await server.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { to = "2026-11-20T19:00:00Z" });
        Assert.True(advance.IsSuccessStatusCode);

        var caseNumber = await server.FireAndStartPagingAsync("night-paging");

        // The minimal config keeps the default 15 s group wait.
        using var wait = await server.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 20 });
        Assert.True(wait.IsSuccessStatusCode);

        var outbox = await Poll.UntilAsync(async () =>
        {
            var list = await HttpAssert.JsonAsync(await server.Admin.GetAsync("/api/v1/sms/outbox"), HttpStatusCode.OK);
            return list.EnumerateArray().Any(m => m.GetProperty("body").GetString()!.Contains(caseNumber, StringComparison.Ordinal)) ? (object)list : null;
        }, "the page is in the outbox");
        Assert.NotNull(outbox);
        // The outbox row is written by the provider before the dispatcher stores the provider id it answered.
        var page = (JsonElement)await Poll.UntilAsync(async () =>
        {
            var pages = (await server.IncidentAsync(caseNumber)).GetProperty("pages").EnumerateArray().ToList();
            return pages.Count == 1 && pages[0].GetProperty("providerId").ValueKind == JsonValueKind.String ? (object)pages[0] : null;
        }, "the page shows its provider id");
        Assert.Single((await server.IncidentAsync(caseNumber)).GetProperty("pages").EnumerateArray());
        Assert.Equal("bram", page.GetProperty("engineer").GetString());
        Assert.StartsWith("LOG", page.GetProperty("providerId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("+316", page.GetProperty("phone").GetString(), StringComparison.Ordinal);
        using var customer = await server.ClientAsync("customer", "acme");
        var seenByCustomer = (await HttpAssert.JsonAsync(await customer.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK)).GetProperty("pages")[0];
        Assert.Equal(("bram", JsonValueKind.Null), (seenByCustomer.GetProperty("engineer").GetString(), seenByCustomer.GetProperty("phone").ValueKind));
        using var pusherOutbox = await server.AcmeAlertmanager.GetAsync("/api/v1/sms/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, pusherOutbox.StatusCode);
    }
}
