using System.Net;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Paging;

/// <summary>Whom paging reaches: rota overrides, and phones that opted out of SMS with STOP.</summary>
public sealed class PagingRotaTests
{
    [Fact]
    public async Task An_override_pages_the_stand_in_instead_of_the_rotation()
    {
        await using var paging = await PagingServer.StartAsync();
        using var created = await paging.Admin.PostAsJsonAsync("/api/v1/teams/ops-nl/overrides", new
        {
            engineer = "chris",
            start = "2026-11-24T18:00:00Z",
            end = "2026-11-25T07:30:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await paging.FireAsync("web1");

        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Chris).Count == 1), "the stand-in is paged");
        Assert.Empty(paging.SmsTo(PagingServer.Anna));
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        Assert.Equal("chris", (await paging.IncidentAsync(caseNumber)).GetProperty("pages")[0].GetProperty("engineer").GetString());
    }

    [Fact]
    public async Task A_phone_that_replied_STOP_is_skipped_at_once_for_the_next_step_until_it_replies_START()
    {
        await using var paging = await PagingServer.StartAsync();
        var stop = await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "stop");
        Assert.Equal(HttpStatusCode.OK, stop.Status);
        Assert.DoesNotContain("<Message>", stop.Body, StringComparison.Ordinal);

        await paging.FireAsync("db1");

        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Bram).Count == 1), "the backup is paged without waiting 5 minutes");
        Assert.Empty(paging.SmsTo(PagingServer.Anna));
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        var incident = await paging.IncidentAsync(caseNumber);
        var skipped = incident.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("engineer").GetString() == "anna");
        Assert.Equal("failed", skipped.GetProperty("status").GetString());
        Assert.Contains(incident.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("kind").GetString() == "page-failed" && e.GetProperty("text").GetString()!.Contains("STOP", StringComparison.Ordinal));

        var start = await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "START");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        await paging.FireAsync("mail1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "after START the on-call engineer is paged again");
    }
}
