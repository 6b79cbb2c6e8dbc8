using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Paging;

/// <summary>From a page to the invoice: an acknowledgement inside agreed standby is a callout, billed on top.</summary>
public sealed class PagingCalloutTests
{
    [Fact]
    public async Task An_sms_acknowledgement_inside_standby_opens_a_callout_that_resolution_closes_and_the_invoice_bills()
    {
        await using var paging = await PagingServer.StartAsync();
        await paging.FireAsync("db1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is paged");
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;

        await paging.AdvanceAsync(3 * 60);
        Assert.Equal(HttpStatusCode.OK, (await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "1A")).Status);

        var acknowledgedAt = (await paging.IncidentAsync(caseNumber)).GetProperty("acknowledgedAt").GetString();
        var open = Assert.Single(await CalloutsAsync(paging));
        Assert.Equal(("anna", caseNumber, acknowledgedAt), (Text(open, "engineer"), Text(open, "caseNumber"), Text(open, "start")));
        Assert.Equal(JsonValueKind.Null, open.GetProperty("end").ValueKind);

        await paging.AdvanceAsync(40 * 60);
        Assert.Equal(HttpStatusCode.OK, (await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "1R")).Status);

        var resolved = await paging.IncidentAsync(caseNumber);
        Assert.Equal("resolved", Text(resolved, "state"));
        var closed = Assert.Single(await CalloutsAsync(paging));
        Assert.Equal((Text(open, "id"), Text(resolved, "resolvedAt")), (Text(closed, "id"), Text(closed, "end")));

        using var finance = await paging.ClientAsync("finance");
        var draft = await HttpAssert.JsonAsync(await finance.PostAsJsonAsync("/api/v1/invoices", new { customer = "acme", month = "2026-11" }), HttpStatusCode.OK);
        var line = Assert.Single(draft.GetProperty("lines").EnumerateArray(), l => Text(l, "kind") == "callout");
        Assert.Equal((caseNumber, "anna"), (Text(line, "caseNumber"), Text(line, "engineer")));
        Assert.Equal(1m, line.GetProperty("billedHours").GetDecimal()); // 40 minutes worked, billed at the 1-hour minimum
    }

    private static async Task<JsonElement[]> CalloutsAsync(PagingServer paging) =>
        [.. (await HttpAssert.JsonAsync(await paging.Admin.GetAsync("/api/v1/callouts?customer=acme&month=2026-11"), HttpStatusCode.OK)).EnumerateArray()];

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
