using NodaTime;
using StandbyOps.Incidents;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class EscalationRunnerTests
{
    [Fact]
    public async Task An_opening_is_paged_by_the_start_intent_its_own_transaction_wrote()
    {
        using var paging = await PagingHarness.CreateAsync();

        // No observer ran: the process died right after the desk's commit. The restart runs the relay.
        var caseNumber = await paging.FailAsync();
        Assert.Contains((await paging.Intents.PendingAsync()), i => i.Kind == IncidentIntents.PagingStart && i.Payload == caseNumber);
        await paging.RunDueAsync();

        Assert.Contains(caseNumber, Assert.Single(paging.SmsTo(PagingHarness.Anna)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reopened_incident_is_paged_again()
    {
        using var paging = await PagingHarness.CreateAsync();
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        await paging.AdvanceAsync(Duration.FromMinutes(1));
        await paging.RecoverAsync();
        await paging.AdvanceAsync(Duration.FromMinutes(20));

        var reopened = await paging.FailAsync();
        await paging.RunDueAsync();

        Assert.Equal(caseNumber, reopened);
        Assert.Equal(IncidentState.Open, (await paging.Desk.GetAsync(caseNumber))!.Incident.State);
        var sms = paging.SmsTo(PagingHarness.Anna);
        Assert.Equal(2, sms.Count);
        Assert.All(sms, body => Assert.Contains(caseNumber, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_incident_opened_while_paging_was_down_for_over_an_hour_is_paged_after_restart()
    {
        using var paging = await PagingHarness.CreateAsync();
        var caseNumber = await paging.FailAsync();

        // Down for two hours: nothing ran. Then the restarted relay finds the start due.
        paging.Clock.Advance(Duration.FromHours(2));
        await paging.RunDueAsync();

        Assert.Contains(caseNumber, Assert.Single(paging.SmsTo(PagingHarness.Anna)), StringComparison.Ordinal);

        // The escalation runs from now, not from the opening: the backup is not paged at once too.
        Assert.Empty(paging.SmsTo(PagingHarness.Bram));
        await paging.AdvanceAsync(Duration.FromMinutes(5));
        Assert.Single(paging.SmsTo(PagingHarness.Bram));
    }

    [Fact]
    public async Task A_start_run_twice_starts_one_escalation()
    {
        using var paging = await PagingHarness.CreateAsync();
        var caseNumber = await paging.FailAsync();

        await paging.Escalations.StartAsync("ES-once", caseNumber, paging.Clock.GetCurrentInstant());
        await paging.Escalations.StartAsync("ES-once", caseNumber, paging.Clock.GetCurrentInstant());

        Assert.Single(paging.SmsTo(PagingHarness.Anna));
        Assert.NotNull(await paging.Store.EscalationAsync("ES-once", CancellationToken.None));
    }

    [Fact]
    public async Task Unacknowledged_the_escalation_pages_the_backup_then_the_named_engineer_each_once()
    {
        using var paging = await PagingHarness.CreateAsync();
        await paging.FailAsync();
        await paging.RunDueAsync();

        await paging.AdvanceAsync(Duration.FromMinutes(5));
        Assert.Single(paging.SmsTo(PagingHarness.Bram));
        Assert.Empty(paging.SmsTo(PagingHarness.Chris));
        await paging.AdvanceAsync(Duration.FromMinutes(5));
        await paging.AdvanceAsync(Duration.FromMinutes(30));

        Assert.Single(paging.SmsTo(PagingHarness.Anna));
        Assert.Single(paging.SmsTo(PagingHarness.Bram));
        Assert.Single(paging.SmsTo(PagingHarness.Chris));
    }

    [Fact]
    public async Task An_acknowledgement_stops_the_escalation()
    {
        using var paging = await PagingHarness.CreateAsync();
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();

        await paging.Desk.AcknowledgeAsync(caseNumber, Actor.OfEngineer("anna"), "sms");
        await paging.AdvanceAsync(Duration.FromMinutes(30));

        Assert.Single(paging.Sms.Sent);
    }

    [Fact]
    public async Task An_incident_no_longer_open_when_its_start_runs_is_not_paged()
    {
        using var paging = await PagingHarness.CreateAsync();
        var caseNumber = await paging.FailAsync();
        await paging.Desk.AcknowledgeAsync(caseNumber, Actor.OfEngineer("anna"), "web");

        await paging.RunDueAsync();

        Assert.Empty(paging.Sms.Sent);
    }
}
