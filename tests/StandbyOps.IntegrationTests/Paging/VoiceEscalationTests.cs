using System.Net;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.FakeTwilio;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Paging;

/// <summary>A <c>via: voice</c> step through the real server and the fake Twilio: the call, its TwiML, the signed keypress, the all-clear.</summary>
public sealed class VoiceEscalationTests
{
    private static readonly IReadOnlyList<string> TextCallBackup = [ConfigBlocks.OnCallStep, ConfigBlocks.VoiceStep("5m", "onCall"), ConfigBlocks.Step("10m", "backup")];

    [Fact]
    public async Task An_unanswered_page_calls_the_engineer_whose_signed_keypress_acknowledges_stops_the_escalation_and_the_resolve_sends_an_all_clear()
    {
        await using var paging = await PagingServer.StartAsync(escalation: TextCallBackup, allClear: true);
        await paging.FireAsync("web1");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 1), "the on-call engineer is texted");
        var caseNumber = (await paging.IncidentsAsync()).Single().GetProperty("caseNumber").GetString()!;

        // Five minutes unanswered: the voice step calls Anna through the SDK's Calls API.
        await paging.AdvanceAsync(5 * 60);
        await Poll.UntilAsync(() => Task.FromResult(paging.CallsTo(PagingServer.Anna).Count == 1), "the on-call engineer is called");
        var call = paging.CallsTo(PagingServer.Anna)[0];
        Assert.Equal($"/2010-04-01/Accounts/{paging.Twilio.AccountSid}/Calls.json", call.Path);
        Assert.Equal((paging.Twilio.AccountSid, paging.Twilio.AuthToken), (call.Username, call.Password));
        Assert.StartsWith(FakeTwilioServer.SdkUserAgentPrefix, call.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal(PagingServer.From, call.Form["From"]);
        Assert.StartsWith(new Uri(paging.PublicUrl, "api/v1/twilio/voice/twiml?page=").AbsoluteUri, call.Form["Url"], StringComparison.Ordinal);
        Assert.StartsWith(new Uri(paging.PublicUrl, "api/v1/twilio/status?page=").AbsoluteUri, call.Form["StatusCallback"], StringComparison.Ordinal);
        Assert.Single(paging.SmsTo(PagingServer.Anna));
        var callSid = call.MessageSid!;

        // Twilio fetches the TwiML: the case read digit by digit inside a one-digit Gather.
        var twiml = await paging.Twilio.FetchTwimlAsync(callSid);
        Assert.Equal(HttpStatusCode.OK, twiml.Status);
        Assert.Equal("text/xml", twiml.ContentType);
        Assert.Contains(string.Join(' ', caseNumber.Split('-')[1].ToCharArray()), twiml.Body, StringComparison.Ordinal);
        Assert.Contains("numDigits=\"1\"", twiml.Body, StringComparison.Ordinal);
        var gatherUrl = new Uri(System.Xml.Linq.XDocument.Parse(twiml.Body).Root!.Element("Gather")!.Attribute("action")!.Value);

        // A forged keypress (signed over another URL) and an unsigned one change nothing.
        var forged = await paging.Twilio.SendGatherAsync(callSid, gatherUrl, "1", signedUrl: "http://evil.example/api/v1/twilio/voice/gather?page=x");
        using var unsigned = await paging.Admin.PostAsync(gatherUrl.PathAndQuery, new FormUrlEncodedContent([new("CallSid", callSid), new("Digits", "1")]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal("open", (await paging.IncidentAsync(caseNumber)).GetProperty("state").GetString());

        // The engineer presses 1: the same acknowledgement as an SMS reply, by the called engineer.
        var (_, answer) = await paging.Twilio.PressAsync(callSid, "1");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains($"{caseNumber} acknowledged.", answer.Body, StringComparison.Ordinal);
        var acknowledged = await paging.IncidentAsync(caseNumber);
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        Assert.Equal("engineer:anna", acknowledged.GetProperty("acknowledgedBy").GetString());
        Assert.Contains(acknowledged.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString() == "Acknowledged by anna via voice");
        Assert.Contains(acknowledged.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString() == $"Called anna ({callSid})");

        // The backup's step comes due and finds the escalation stopped: nobody else is texted or called.
        await paging.AdvanceAsync(10 * 60);
        await paging.WaitForIntentRunsAsync("paging.step", 2);
        Assert.Empty(paging.SmsTo(PagingServer.Bram));
        Assert.Single(paging.CallsTo(PagingServer.Anna));

        // The call's end is reported and noted.
        var ended = await paging.Twilio.SendCallStatusCallbackAsync(callSid, "completed");
        Assert.Equal(HttpStatusCode.NoContent, ended.Status);

        // Resolution: the paged engineer gets the all-clear SMS.
        using var resolve = await paging.Admin.PostAsync($"/api/v1/incidents/{caseNumber}/resolve", null);
        Assert.True(resolve.IsSuccessStatusCode, $"resolve answered {(int)resolve.StatusCode}");
        await Poll.UntilAsync(() => Task.FromResult(paging.SmsTo(PagingServer.Anna).Count == 2), "the all-clear SMS arrives");
        var allClear = paging.SmsTo(PagingServer.Anna)[1];
        Assert.Equal($"ALL CLEAR {caseNumber} (ACME B.V., unrouted) is resolved. No action needed.", allClear.Form["Body"]);
        Assert.Empty(paging.SmsTo(PagingServer.Bram));

        // The all-clear is noted just after Twilio took it.
        var timeline = await Poll.UntilAsync(
            async () => (await paging.IncidentAsync(caseNumber)).GetProperty("timeline").EnumerateArray().ToList() is var entries
                && entries.Any(e => e.GetProperty("kind").GetString() == "all-clear") ? entries : null,
            "the all-clear is on the timeline");
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "call-ended" && e.GetProperty("text").GetString() == $"Call to anna ({callSid}) completed: ended");
        Assert.Single(timeline, e => e.GetProperty("kind").GetString() == "all-clear" && e.GetProperty("text").GetString() == $"All-clear SMS to anna ({allClear.MessageSid})");
    }
}
