using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Tests.Support;
using static StandbyOps.Incidents.Tests.Support.Signals;

namespace StandbyOps.Incidents.Tests.Closing;

public sealed class AutoCloseTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);
    private static readonly Instant Resolved = Start + Duration.FromMinutes(10);

    [Fact]
    public async Task A_resolved_incident_closes_itself_after_24_quiet_hours()
    {
        var observer = new RecordingObserver();
        using var harness = await DeskHarness.CreateAsync(Start, observers: observer);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.HandleRecoveryAsync(Recovery(Resolved));
        harness.Clock.Now = Resolved;

        await harness.AdvanceToAsync(Resolved + Duration.FromHours(24));

        var incident = await harness.IncidentAsync(caseNumber);
        Assert.Equal(IncidentState.Closed, incident.State);
        Assert.Equal(Resolved + Duration.FromHours(24), incident.ClosedAt);
        var closed = (await harness.TimelineAsync(caseNumber))[^1];
        Assert.Equal((TimelineKinds.Closed, "system:autoclose"), (closed.Kind, closed.Actor.ToString()));
        Assert.Equal($"closed:{caseNumber}", observer.Events[^1]);
    }

    [Fact]
    public async Task A_resolved_incident_stays_resolved_before_the_quiet_period_ends()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.HandleRecoveryAsync(Recovery(Resolved));

        await harness.AdvanceToAsync(Resolved + Duration.FromHours(24) - Duration.FromMilliseconds(1));

        Assert.Equal(IncidentState.Resolved, (await harness.IncidentAsync(caseNumber)).State);
    }

    [Fact]
    public async Task A_reopened_incident_is_not_closed_by_the_earlier_resolution()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.HandleRecoveryAsync(Recovery(Resolved));
        await harness.Desk.HandleFailureAsync(Failure(Resolved + Duration.FromHours(1)));

        await harness.AdvanceToAsync(Resolved + Duration.FromHours(25));

        Assert.Equal(IncidentState.Open, (await harness.IncidentAsync(caseNumber)).State);
    }

    [Fact]
    public async Task A_second_resolution_closes_a_quiet_period_after_itself()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.HandleRecoveryAsync(Recovery(Resolved));
        await harness.Desk.HandleFailureAsync(Failure(Resolved + Duration.FromHours(1)));
        var secondResolution = Resolved + Duration.FromHours(2);
        await harness.Desk.HandleRecoveryAsync(Recovery(secondResolution));

        await harness.AdvanceToAsync(Resolved + Duration.FromHours(25));
        var stillResolved = (await harness.IncidentAsync(caseNumber)).State;
        await harness.AdvanceToAsync(secondResolution + Duration.FromHours(24));

        Assert.Equal(IncidentState.Resolved, stillResolved);
        Assert.Equal(IncidentState.Closed, (await harness.IncidentAsync(caseNumber)).State);
    }

    [Fact]
    public async Task The_quiet_period_is_configurable()
    {
        using var harness = await DeskHarness.CreateAsync(Start, options: new IncidentDeskOptions { AutoCloseAfter = Duration.FromHours(2) });
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.HandleRecoveryAsync(Recovery(Resolved));

        await harness.AdvanceToAsync(Resolved + Duration.FromHours(2));

        Assert.Equal(IncidentState.Closed, (await harness.IncidentAsync(caseNumber)).State);
    }
}
