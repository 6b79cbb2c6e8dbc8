using System.Net;
using System.Text.Json;
using NodaTime;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.FakeTwilio;

namespace StandbyOps.IntegrationTests.Paging;

public sealed class PagingEndToEndTests
{
    [Fact]
    public async Task A_check_failing_at_night_pages_the_on_call_engineer_within_a_second()
    {
        await using var target = await HttpTarget.StartAsync();
        target.Healthy = false;
        await using var paging = await PagingServer.StartAsync(acmeSystems: $$"""
                systems:
                  web:
                    name: ACME web
                    criticality: high
                    checks:
                      home:
                        http: { url: "{{target.HealthUrl}}", expectStatus: [200] }
                        interval: 10s
                        timeout: 2s
                        failureThreshold: 1
            """);

        // Tuesday 20:00 in Amsterdam, inside acme's agreed standby. The advance runs the check's first probe;
        // the fake Twilio stamps the SMS with the real clock, so the bound holds for the real process.
        await Monitors.ArmedAsync(paging.Admin, "acme", "web", "home");
        var before = SystemClock.Instance.GetCurrentInstant();
        await paging.AdvanceAsync(10);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is paged");

        var sms = paging.SmsTo(PagingServer.Anna)[0];
        // A loose bound (a cold process on a loaded machine): the latency itself is measured by the paging-latency
        // benchmark (docs/benchmarks.md), not by a timed test.
        var latency = sms.ReceivedAt - before;
        Assert.True(latency < Duration.FromSeconds(10), $"the SMS arrived {latency.TotalMilliseconds:F0} ms after the check ran");
        var incident = Assert.Single(await paging.IncidentsAsync());
        Assert.Equal("check", incident.GetProperty("source").GetString());
        Assert.Contains(incident.GetProperty("caseNumber").GetString()!, sms.Form["Body"], StringComparison.Ordinal);
        Assert.Equal(PagingServer.From, sms.Form["From"]);
        Assert.Equal(PagingServer.Anna, sms.Form["To"]);
    }

    [Fact]
    public async Task Unanswered_page_escalates_to_backup_and_named_engineer_and_a_code_reply_acknowledges_and_stops_it()
    {
        await using var paging = await PagingServer.StartAsync();

        await paging.FireAsync("web1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is paged");
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        Assert.Contains(caseNumber, paging.SmsTo(PagingServer.Anna)[0].Form["Body"], StringComparison.Ordinal);

        await paging.AdvanceAsync(5 * 60);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Bram).Count == 1), "the backup is paged after 5 minutes");
        await paging.AdvanceAsync(5 * 60);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Chris).Count == 1), "the named engineer is paged after 10 minutes");

        var reply = await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "1A");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var incident = await paging.IncidentAsync(caseNumber);
        Assert.Equal("acknowledged", incident.GetProperty("state").GetString());
        Assert.Equal("engineer:anna", incident.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(3, incident.GetProperty("pages").GetArrayLength());

        var sentBefore = paging.SmsCount;
        await paging.AdvanceAsync(60 * 60);
        await paging.FireAsync("probe-after");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsCount == sentBefore + 1), "a later incident still pages");
        Assert.Equal(2, paging.SmsTo(PagingServer.Anna).Count);
        Assert.Single(paging.SmsTo(PagingServer.Chris));
    }

    [Fact]
    public async Task Replies_from_unknown_numbers_and_forged_signatures_change_nothing()
    {
        await using var paging = await PagingServer.StartAsync();
        await paging.FireAsync("db1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is paged");
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;

        var unknown = await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, "+31699999999", PagingServer.From, "1A");
        var notPaged = await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Bram, PagingServer.From, $"ACK {caseNumber}");
        var forged = await paging.Twilio.SendInboundSmsAsync(paging.SmsWebhook, PagingServer.Anna, PagingServer.From, "1A", signedUrl: "http://evil.example/api/v1/twilio/sms");
        using var unsigned = await paging.Admin.PostAsync("/api/v1/twilio/sms", new FormUrlEncodedContent([new("From", PagingServer.Anna), new("Body", "1A")]));

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.DoesNotContain("<Message>", unknown.Body, StringComparison.Ordinal);
        Assert.Contains("not paged", notPaged.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal("open", (await paging.IncidentAsync(caseNumber)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_undelivered_callback_escalates_to_the_backup_at_once()
    {
        await using var paging = await PagingServer.StartAsync();
        await paging.FireAsync("mail1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is paged");
        var sms = paging.SmsTo(PagingServer.Anna)[0];

        var callback = await paging.Twilio.SendStatusCallbackAsync(new Uri(sms.Form["StatusCallback"]), sms.MessageSid!, "undelivered", "30003");

        Assert.Equal(HttpStatusCode.NoContent, callback.Status);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Bram).Count == 1), "the backup is paged without waiting 5 minutes");
        var late = await paging.Twilio.SendStatusCallbackAsync(new Uri(sms.Form["StatusCallback"]), sms.MessageSid!, "sent", null);
        Assert.Equal(HttpStatusCode.NoContent, late.Status);
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        var pages = (await paging.IncidentAsync(caseNumber)).GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal("undelivered", pages.Single(p => p.GetProperty("engineer").GetString() == "anna").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_permanent_Twilio_error_is_recorded_and_pages_the_backup_at_once()
    {
        await using var paging = await PagingServer.StartAsync();
        paging.Twilio.EnqueueFault(FakeTwilioFault.Error(21211, message: "The 'To' number is not a valid phone number."));

        await paging.FireAsync("web1");

        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Bram).Count == 1), "the backup is paged without waiting 5 minutes");
        Assert.Empty(paging.SmsTo(PagingServer.Anna));
        Assert.Single(paging.Twilio.Requests, r => r.Form.GetValueOrDefault("To") == PagingServer.Anna); // not retried
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        var incident = await paging.IncidentAsync(caseNumber);
        Assert.Equal("failed", incident.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("engineer").GetString() == "anna").GetProperty("status").GetString());
        var failed = incident.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "page-failed").GetProperty("text").GetString()!;
        Assert.Contains("21211", failed, StringComparison.Ordinal);
        // A send intent is counted as it completes, just after its page: poll.
        var metrics = await Poll.UntilAsync(async () =>
        {
            var text = await (await paging.Admin.GetAsync("/metrics")).Content.ReadAsStringAsync();
            return text.Contains("standbyops_intent_runs_total{kind=\"paging.send\",outcome=\"completed\"}", StringComparison.Ordinal) ? text : null;
        }, "the send intents are counted");
        Assert.Contains("standbyops_pages_failed_total{reason=\"rejected\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_callback_that_arrives_before_the_send_is_answered_still_escalates()
    {
        await using var paging = await PagingServer.StartAsync();
        paging.Twilio.EnqueueFault(FakeTwilioFault.HoldAnswer(TimeSpan.FromSeconds(5)));
        await paging.FireAsync("dns1");
        var request = (await paging.Twilio.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)))[0];

        // The message exists at Twilio, but StandbyOps has not yet heard its sid.
        var callback = await paging.Twilio.SendStatusCallbackAsync(new Uri(request.Form["StatusCallback"]), request.MessageSid!, "failed", "30008");

        Assert.Equal(HttpStatusCode.NoContent, callback.Status);
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Bram).Count == 1), "the backup is paged without waiting 5 minutes");
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;
        await Poll.UntilAsync(async () => (await paging.IncidentAsync(caseNumber)).GetProperty("timeline").EnumerateArray()
            .Any(e => e.GetProperty("kind").GetString() == "paged" && e.GetProperty("text").GetString()!.Contains("anna", StringComparison.Ordinal)), "the held answer arrives and is recorded");
        var anna = (await paging.IncidentAsync(caseNumber)).GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("engineer").GetString() == "anna");
        Assert.Equal("failed", anna.GetProperty("status").GetString());
        Assert.Equal(request.MessageSid, anna.GetProperty("providerId").GetString());
    }
}
