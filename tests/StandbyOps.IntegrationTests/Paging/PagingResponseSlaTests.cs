using System.Net;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Paging;

/// <summary>The standby response SLA: inside agreed standby an incident is due for acknowledgement within 30 minutes.</summary>
public sealed class PagingResponseSlaTests
{
    [Fact]
    public async Task Inside_standby_each_incident_is_due_within_30_minutes_and_only_the_unacknowledged_one_breaches()
    {
        await using var paging = await PagingServer.StartAsync();
        await paging.FireAsync("app1", "app2");
        var cases = (await paging.IncidentsAsync()).ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("caseNumber").GetString()!);
        // Both pages out (one SMS or two) before the clock moves: a reply only acknowledges what its engineer was sent.
        await paging.WaitForPagingStartsAsync(2);
        await Poll.UntilAsync(() => Task.FromResult(cases.Values.All(c => paging.SmsTo(PagingServer.Anna).Any(s => s.Form["Body"].Contains(c, StringComparison.Ordinal)))), "the on-call engineer is paged about both");
        var (answered, unanswered) = (cases["System app1 is down"], cases["System app2 is down"]);
        foreach (var caseNumber in cases.Values)
        {
            // Opened 19:00Z, 20:00 in Amsterdam on a Tuesday night: the standby rule (30 minutes) beats the business-hours one.
            Assert.Equal("2026-11-24T19:30:00Z", (await paging.IncidentAsync(caseNumber)).GetProperty("responseDueAt").GetString());
        }

        await paging.AdvanceAsync(3 * 60);
        Assert.Equal(HttpStatusCode.OK, (await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, $"ACK {answered}")).Status);
        await paging.AdvanceAsync(28 * 60);

        var breached = await Poll.UntilAsync(async () =>
        {
            var incident = await paging.IncidentAsync(unanswered);
            return incident.GetProperty("responseBreached").GetBoolean() ? new[] { incident } : null;
        }, "the unacknowledged incident breaches its response SLA at 19:30Z");
        Assert.Contains(breached[0].GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "sla-breached");
        var acknowledged = await paging.IncidentAsync(answered);
        Assert.Equal(("acknowledged", false), (acknowledged.GetProperty("state").GetString(), acknowledged.GetProperty("responseBreached").GetBoolean()));
        Assert.DoesNotContain(acknowledged.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "sla-breached");

        // Metrics are counted just after the change commits (the acknowledgement by an asynchronous observer): poll.
        var metrics = await Poll.UntilAsync(async () =>
        {
            var text = await (await paging.Admin.GetAsync("/metrics")).Content.ReadAsStringAsync();
            return text.Contains("standbyops_page_ack_seconds_count 1\n", StringComparison.Ordinal)
                && text.Contains("standbyops_sla_breaches_total{customer=\"acme\",kind=\"response\"}", StringComparison.Ordinal) ? text : null;
        }, "the acknowledgement and the breach are counted");
        Assert.Contains("standbyops_page_ack_seconds_bucket{le=\"300\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("standbyops_page_ack_seconds_bucket{le=\"120\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("standbyops_sla_breaches_total{customer=\"acme\",kind=\"response\"} 1\n", metrics, StringComparison.Ordinal);
    }
}
