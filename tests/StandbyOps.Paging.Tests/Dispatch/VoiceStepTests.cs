using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Tests.Support;
using StandbyOps.Paging.Voice;
using StandbyOps.Testing.Support;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class VoiceStepTests
{
    private static readonly IReadOnlyList<string> TextThenCall = [ConfigBlocks.OnCallStep, ConfigBlocks.VoiceStep("5m", "onCall"), ConfigBlocks.Step("10m", "backup")];
    private static readonly IReadOnlyList<string> CallThenBackup = [ConfigBlocks.VoiceStep("0m", "onCall"), ConfigBlocks.Step("5m", "backup")];

    [Fact]
    public async Task A_voice_step_calls_the_engineer_instead_of_texting_and_the_call_is_on_the_timeline()
    {
        using var paging = await PagingHarness.CreateAsync(escalation: TextThenCall);
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        Assert.Single(paging.SmsTo(PagingHarness.Anna));
        Assert.Empty(paging.Calls.Calls);

        await paging.AdvanceAsync(Duration.FromMinutes(5));

        var call = Assert.Single(paging.Calls.Calls);
        Assert.Equal(PagingHarness.Anna, call.To);
        Assert.Single(paging.SmsTo(PagingHarness.Anna));
        Assert.StartsWith("http://127.0.0.1:8080/api/v1/twilio/voice/twiml?page=PG", call.TwimlUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:8080/api/v1/twilio/status?page=PG", call.StatusCallbackUrl.AbsoluteUri, StringComparison.Ordinal);
        var timeline = (await paging.Desk.GetAsync(caseNumber))!.Timeline;
        Assert.Contains(timeline, e => e.Kind == "escalated" && e.Text.EndsWith("to anna by phone call", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Kind == "called" && e.Text == $"Called anna (CA{1:D32})");
        var twiml = await paging.VoiceCalls.TwimlAsync(PageOf(call));
        Assert.Contains(VoiceScript.Digits(caseNumber), twiml, StringComparison.Ordinal);
        Assert.Contains("webshop/home is down", twiml, StringComparison.Ordinal);
        Assert.Contains("/api/v1/twilio/voice/gather?page=" + PageOf(call), twiml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_1_acknowledges_as_the_called_engineer_via_voice_and_stops_the_escalation()
    {
        using var paging = await PagingHarness.CreateAsync(escalation: CallThenBackup);
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        var call = Assert.Single(paging.Calls.Calls);
        Assert.Empty(paging.Sms.Sent);

        var answer = await paging.VoiceCalls.GatherAsync(PageOf(call), "1");
        await paging.AdvanceAsync(Duration.FromMinutes(30));

        Assert.Contains($"{caseNumber} acknowledged.", answer, StringComparison.Ordinal);
        Assert.Contains("<Hangup", answer, StringComparison.Ordinal);
        var detail = (await paging.Desk.GetAsync(caseNumber))!;
        Assert.Equal(IncidentState.Acknowledged, detail.Incident.State);
        Assert.Equal(Actor.OfEngineer("anna"), detail.Incident.AcknowledgedBy);
        Assert.Contains(detail.Timeline, e => e.Kind == "acknowledged" && e.Text == "Acknowledged by anna via voice");
        Assert.Empty(paging.Sms.Sent);
        Assert.Single(paging.Calls.Calls);
    }

    [Fact]
    public async Task Another_key_reads_the_case_again_and_acknowledges_nothing()
    {
        using var paging = await PagingHarness.CreateAsync(escalation: CallThenBackup);
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        var call = Assert.Single(paging.Calls.Calls);

        var answer = await paging.VoiceCalls.GatherAsync(PageOf(call), "9");

        Assert.Contains("<Gather", answer, StringComparison.Ordinal);
        Assert.Contains(VoiceScript.Digits(caseNumber), answer, StringComparison.Ordinal);
        Assert.Equal(IncidentState.Open, (await paging.Desk.GetAsync(caseNumber))!.Incident.State);
    }

    [Fact]
    public async Task A_keypress_for_a_page_that_is_not_a_call_changes_nothing()
    {
        using var paging = await PagingHarness.CreateAsync();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        var smsPage = Assert.Single(paging.Sms.Sent).IdempotencyKey;

        var answer = await paging.VoiceCalls.GatherAsync(smsPage, "1");

        Assert.Contains(VoiceCallHandler.Unknown, answer, StringComparison.Ordinal);
        Assert.Equal(IncidentState.Open, (await paging.Desk.GetAsync(caseNumber))!.Incident.State);
    }

    [Fact]
    public async Task A_busy_or_unanswered_call_is_noted_and_the_policy_continues_at_its_pace()
    {
        using var paging = await PagingHarness.CreateAsync(escalation: CallThenBackup);
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();

        Assert.True(await paging.Deliveries.UpdateStatusAsync($"CA{1:D32}", "busy", null));
        await paging.RunDueAsync();

        Assert.Empty(paging.SmsTo(PagingHarness.Bram));
        Assert.Contains((await paging.Desk.GetAsync(caseNumber))!.Timeline, e => e.Kind == "call-ended" && e.Text.Contains("busy: not acknowledged", StringComparison.Ordinal));
        await paging.AdvanceAsync(Duration.FromMinutes(5));
        Assert.Single(paging.SmsTo(PagingHarness.Bram));
    }

    [Fact]
    public async Task A_failed_call_escalates_at_once()
    {
        using var paging = await PagingHarness.CreateAsync(escalation: CallThenBackup);
        await paging.FailAsync();
        await paging.RunDueAsync();

        await paging.Deliveries.UpdateStatusAsync($"CA{1:D32}", "failed", null);
        await paging.RunDueAsync();

        Assert.Single(paging.SmsTo(PagingHarness.Bram));
    }

    [Fact]
    public async Task A_call_that_met_an_outage_is_placed_again_by_its_intent_with_the_same_key()
    {
        using var paging = await PagingHarness.CreateAsync(escalation: CallThenBackup);
        paging.Calls.Enqueue(new SmsTransientFailure("Twilio 503", null));
        paging.Calls.Enqueue(new SmsTransientFailure("Twilio 503", null));
        await paging.FailAsync();
        await paging.RunDueAsync();
        Assert.Equal(2, paging.Calls.Calls.Count);

        await paging.AdvanceAsync(Duration.FromSeconds(5));
        await paging.AdvanceAsync(Duration.FromMinutes(1));

        Assert.Equal(3, paging.Calls.Calls.Count);
        Assert.Single(paging.Calls.Calls.Select(c => c.IdempotencyKey).Distinct());
    }

    private static string PageOf(OutgoingCall call) => Uri.UnescapeDataString(call.TwimlUrl.Query["?page=".Length..]);
}
