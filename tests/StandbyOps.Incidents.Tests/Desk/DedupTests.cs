using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Tests.Support;
using static StandbyOps.Incidents.Tests.Support.Signals;

namespace StandbyOps.Incidents.Tests.Desk;

public sealed class DedupTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);

    [Fact]
    public async Task A_thousand_failures_of_one_check_make_one_incident_with_a_bounded_timeline()
    {
        using var harness = await DeskHarness.CreateAsync(Start);

        // One failure every 100 ms for 100 s: two collapse windows' worth of repeats.
        var changes = new List<IncidentChange>();
        for (var i = 0; i < 1000; i++)
        {
            changes.Add(await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromMilliseconds(100 * i))));
        }

        var incidents = await harness.Desk.ListAsync(IncidentFilter.All);
        var incident = Assert.Single(incidents);
        Assert.Equal(1000, incident.FailureCount);
        Assert.Single(changes, c => c.Kind == IncidentChangeKind.Opened);
        Assert.Equal(999, changes.Count(c => c.Kind == IncidentChangeKind.Repeated));
        var timeline = await harness.TimelineAsync(incident.CaseNumber);
        Assert.Equal([TimelineKinds.Opened, TimelineKinds.FailureRepeated, TimelineKinds.FailureRepeated], timeline.Select(e => e.Kind));
        Assert.Equal("Failure repeated 600 times: HTTP 503", timeline[1].Text);
        Assert.Equal("Failure repeated 399 times: HTTP 503", timeline[2].Text);
    }

    [Fact]
    public async Task A_repeat_after_an_acknowledgement_starts_a_new_timeline_entry()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var opened = await harness.Desk.HandleFailureAsync(Failure(Start));
        await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromSeconds(1)));
        await harness.Desk.AcknowledgeAsync(opened.Incident!.CaseNumber, Actor.OfEngineer("anna"), Via.Sms);
        await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromSeconds(2)));

        var timeline = await harness.TimelineAsync(opened.Incident.CaseNumber);

        Assert.Equal(
            [TimelineKinds.Opened, TimelineKinds.FailureRepeated, TimelineKinds.Acknowledged, TimelineKinds.FailureRepeated],
            timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task Failures_of_different_checks_open_separate_incidents()
    {
        using var harness = await DeskHarness.CreateAsync(Start);

        var home = await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "webshop/home"));
        var database = await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "webshop/database"));

        Assert.Equal(IncidentChangeKind.Opened, home.Kind);
        Assert.Equal(IncidentChangeKind.Opened, database.Kind);
        Assert.NotEqual(home.Incident!.CaseNumber, database.Incident!.CaseNumber);
    }
}
