using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Tests.Support;
using static StandbyOps.Incidents.Tests.Support.Signals;

namespace StandbyOps.Incidents.Tests.Sla;

/// <summary>acme P1 opened Fri 20 Nov 2026 15:00 Amsterdam: response due Mon 23 Nov 09:30Z, resolution Tue 24 Nov 14:00Z.</summary>
public sealed class SlaBreachTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 11, 20, 14, 0);
    private static readonly Instant ResponseDue = Instant.FromUtc(2026, 11, 23, 9, 30);
    private static readonly Instant ResolutionDue = Instant.FromUtc(2026, 11, 24, 14, 0);
    private static readonly Duration Moment = Duration.FromSeconds(1);
    private static readonly Actor Anna = Actor.OfEngineer("anna");

    [Fact]
    public async Task The_deadlines_are_computed_at_opening_and_stored()
    {
        using var harness = await DeskHarness.CreateAsync(Opened);

        var opened = await harness.Desk.HandleFailureAsync(Failure(Opened));

        var stored = await harness.IncidentAsync(opened.Incident!.CaseNumber);
        Assert.Equal((ResponseDue, ResolutionDue), (stored.ResponseDueAt!.Value, stored.ResolutionDueAt!.Value));
    }

    [Fact]
    public async Task An_unacknowledged_incident_breaches_its_response_deadline_when_it_passes()
    {
        using var harness = await DeskHarness.CreateAsync(Opened);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Opened))).Incident!.CaseNumber;

        await harness.AdvanceToAsync(ResponseDue);
        var atDeadline = await harness.IncidentAsync(caseNumber);
        await harness.AdvanceToAsync(ResponseDue + Moment);

        Assert.False(atDeadline.ResponseBreached);
        var incident = await harness.IncidentAsync(caseNumber);
        Assert.True(incident.ResponseBreached);
        Assert.False(incident.ResolutionBreached);
        var entry = (await harness.TimelineAsync(caseNumber))[^1];
        Assert.Equal((TimelineKinds.SlaBreached, "SLA breached: response due 2026-11-23T09:30:00Z"), (entry.Kind, entry.Text));
        Assert.Equal(1, harness.MetricValue("standbyops_sla_breaches_total", ("customer", "acme"), ("kind", "response")));
    }

    [Fact]
    public async Task An_incident_acknowledged_in_time_breaches_only_its_resolution_deadline()
    {
        using var harness = await DeskHarness.CreateAsync(Opened);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Opened))).Incident!.CaseNumber;
        harness.Clock.Now = ResponseDue;
        await harness.Desk.AcknowledgeAsync(caseNumber, Anna, Via.Web);

        await harness.AdvanceToAsync(ResponseDue + Duration.FromHours(1));
        await harness.AdvanceToAsync(ResolutionDue + Moment);

        var incident = await harness.IncidentAsync(caseNumber);
        Assert.False(incident.ResponseBreached);
        Assert.True(incident.ResolutionBreached);
        Assert.Null(harness.MetricValue("standbyops_sla_breaches_total", ("customer", "acme"), ("kind", "response")));
        Assert.Equal(1, harness.MetricValue("standbyops_sla_breaches_total", ("customer", "acme"), ("kind", "resolution")));
    }

    [Fact]
    public async Task An_incident_that_recovered_before_the_deadline_is_not_a_response_breach()
    {
        using var harness = await DeskHarness.CreateAsync(Opened);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Opened))).Incident!.CaseNumber;
        await harness.Desk.HandleRecoveryAsync(Recovery(Opened + Duration.FromMinutes(5)));

        await harness.AdvanceToAsync(ResolutionDue + Moment);

        var incident = await harness.IncidentAsync(caseNumber);
        Assert.False(incident.ResponseBreached);
        Assert.False(incident.ResolutionBreached);
    }

    [Fact]
    public async Task Reopening_after_the_resolution_deadline_records_the_resolution_breach()
    {
        using var harness = await DeskHarness.CreateAsync(Opened, options: new IncidentDeskOptions { AutoCloseAfter = Duration.FromDays(30) });
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Opened))).Incident!.CaseNumber;
        await harness.Desk.HandleRecoveryAsync(Recovery(Opened + Duration.FromMinutes(5)));
        await harness.AdvanceToAsync(ResolutionDue + Moment);
        var reopenAt = ResolutionDue + Duration.FromHours(1);

        await harness.Desk.HandleFailureAsync(Failure(reopenAt));
        await harness.AdvanceToAsync(reopenAt);

        Assert.True((await harness.IncidentAsync(caseNumber)).ResolutionBreached);
    }

    [Fact]
    public async Task A_breach_is_recorded_once()
    {
        using var harness = await DeskHarness.CreateAsync(Opened);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Opened))).Incident!.CaseNumber;

        await harness.AdvanceToAsync(ResponseDue + Moment);
        await harness.AdvanceToAsync(ResponseDue + Duration.FromHours(1));

        Assert.Single(await harness.TimelineAsync(caseNumber), e => e.Kind == TimelineKinds.SlaBreached);
    }

    [Fact]
    public async Task An_incident_without_deadlines_schedules_no_checks()
    {
        using var harness = await DeskHarness.CreateAsync(Opened);

        var opened = await harness.Desk.HandleFailureAsync(Failure(Opened, customer: "unrouted", system: "unrouted"));

        Assert.Null(opened.Incident!.ResponseDueAt);
        Assert.Null(opened.Incident.ResolutionDueAt);
        // Only paging's start is pending: no SLA check.
        Assert.Equal([IncidentIntents.PagingStart], (await harness.Intents.PendingAsync()).Select(i => i.Kind));
    }
}
