using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Incidents.Tests.Support;
using static StandbyOps.Incidents.Tests.Support.Signals;

namespace StandbyOps.Incidents.Tests.Desk;

public sealed class LifecycleTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);
    private static readonly Actor Anna = Actor.OfEngineer("anna");

    [Fact]
    public async Task A_recovery_resolves_the_open_incident_automatically()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var opened = await harness.Desk.HandleFailureAsync(Failure(Start));

        var recovered = await harness.Desk.HandleRecoveryAsync(Recovery(Start + Duration.FromMinutes(3)));

        Assert.Equal(IncidentChangeKind.Resolved, recovered.Kind);
        var incident = await harness.IncidentAsync(opened.Incident!.CaseNumber);
        Assert.Equal(IncidentState.Resolved, incident.State);
        Assert.Equal(Start + Duration.FromMinutes(3), incident.ResolvedAt);
        Assert.Equal(Actor.OfSystem("check"), incident.ResolvedBy);
    }

    [Fact]
    public async Task A_recovery_leaves_an_incident_open_when_auto_resolve_is_off()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var opened = await harness.Desk.HandleFailureAsync(Failure(Start, autoResolve: false));

        var recovered = await harness.Desk.HandleRecoveryAsync(Recovery(Start + Duration.FromMinutes(3)));
        await harness.Desk.HandleRecoveryAsync(Recovery(Start + Duration.FromMinutes(4)));

        Assert.Equal(IncidentChangeKind.Recovered, recovered.Kind);
        Assert.Equal(IncidentState.Open, (await harness.IncidentAsync(opened.Incident!.CaseNumber)).State);
        var timeline = await harness.TimelineAsync(opened.Incident.CaseNumber);
        Assert.Equal([TimelineKinds.Opened, TimelineKinds.Recovered], timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_recovery_without_an_open_incident_finds_nothing()
    {
        using var harness = await DeskHarness.CreateAsync(Start);

        var recovered = await harness.Desk.HandleRecoveryAsync(Recovery(Start));

        Assert.Equal(IncidentChangeKind.NotFound, recovered.Kind);
        Assert.Empty(await harness.Desk.ListAsync(IncidentFilter.All));
    }

    [Fact]
    public async Task A_failure_on_a_resolved_incident_reopens_it_and_clears_the_acknowledgement()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.AcknowledgeAsync(caseNumber, Anna, Via.Sms);
        await harness.Desk.HandleRecoveryAsync(Recovery(Start + Duration.FromMinutes(5)));

        var reopened = await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromMinutes(10)));

        Assert.Equal(IncidentChangeKind.Reopened, reopened.Kind);
        var incident = await harness.IncidentAsync(caseNumber);
        Assert.Equal(IncidentState.Open, incident.State);
        Assert.Null(incident.AcknowledgedAt);
        Assert.Null(incident.ResolvedAt);
        Assert.Equal(Start, incident.RespondedAt);
        Assert.Equal(2, incident.FailureCount);
        Assert.Equal(TimelineKinds.Reopened, (await harness.TimelineAsync(caseNumber))[^1].Kind);
    }

    [Fact]
    public async Task Acknowledging_twice_changes_nothing_the_second_time()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        harness.Clock.Now = Start + Duration.FromMinutes(2);
        var first = await harness.Desk.AcknowledgeAsync(caseNumber, Anna, Via.Sms);
        harness.Clock.Now = Start + Duration.FromMinutes(3);

        var second = await harness.Desk.AcknowledgeAsync(caseNumber, Actor.OfDesk("marie"), Via.Web);

        Assert.Equal(IncidentChangeKind.Acknowledged, first.Kind);
        Assert.Equal(IncidentChangeKind.Unchanged, second.Kind);
        var incident = await harness.IncidentAsync(caseNumber);
        Assert.Equal(Start + Duration.FromMinutes(2), incident.AcknowledgedAt);
        Assert.Equal(Anna, incident.AcknowledgedBy);
        var acknowledgements = (await harness.TimelineAsync(caseNumber)).Where(e => e.Kind == TimelineKinds.Acknowledged).ToList();
        Assert.Equal("Acknowledged by anna via sms", Assert.Single(acknowledgements).Text);
    }

    [Fact]
    public async Task Resolving_twice_changes_nothing_the_second_time()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.ResolveAsync(caseNumber, Anna, Via.Api);

        var second = await harness.Desk.ResolveAsync(caseNumber, Anna, Via.Api);

        Assert.Equal(IncidentChangeKind.Unchanged, second.Kind);
        Assert.Single(await harness.TimelineAsync(caseNumber), e => e.Kind == TimelineKinds.Resolved);
    }

    [Fact]
    public async Task Closing_an_open_incident_resolves_and_closes_it()
    {
        var observer = new RecordingObserver();
        using var harness = await DeskHarness.CreateAsync(Start, observers: observer);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;

        var closed = await harness.Desk.CloseAsync(caseNumber, Actor.OfDesk("marie"));
        var again = await harness.Desk.CloseAsync(caseNumber, Actor.OfDesk("marie"));

        Assert.Equal(IncidentChangeKind.Closed, closed.Kind);
        Assert.Equal(IncidentChangeKind.Unchanged, again.Kind);
        Assert.Equal(IncidentState.Closed, closed.Incident!.State);
        Assert.Equal(Start, closed.Incident.ResolvedAt);
        Assert.Equal([$"opened:{caseNumber}", $"resolved:{caseNumber}", $"closed:{caseNumber}"], observer.Events);
    }

    [Fact]
    public async Task Acting_on_an_unknown_case_number_finds_nothing()
    {
        using var harness = await DeskHarness.CreateAsync(Start);

        var change = await harness.Desk.AcknowledgeAsync("2026-000099", Anna, Via.Api);

        Assert.Equal(IncidentChangeKind.NotFound, change.Kind);
        Assert.Null(await harness.Desk.GetAsync("2026-000099"));
    }

    [Fact]
    public async Task Every_change_is_on_the_timeline_with_its_actor_and_instant()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        harness.Clock.Now = Start + Duration.FromMinutes(1);
        await harness.Desk.AcknowledgeAsync(caseNumber, Anna, Via.Web);
        harness.Clock.Now = Start + Duration.FromMinutes(2);
        await harness.Desk.AddNoteAsync(caseNumber, Anna, "Restarted the web pool.");
        harness.Clock.Now = Start + Duration.FromMinutes(3);
        await harness.Desk.ResolveAsync(caseNumber, Anna, Via.Web);

        var timeline = await harness.TimelineAsync(caseNumber);

        Assert.Equal(
            [
                (Start, "system:check", TimelineKinds.Opened),
                (Start + Duration.FromMinutes(1), "engineer:anna", TimelineKinds.Acknowledged),
                (Start + Duration.FromMinutes(2), "engineer:anna", TimelineKinds.Note),
                (Start + Duration.FromMinutes(3), "engineer:anna", TimelineKinds.Resolved),
            ],
            timeline.Select(e => (e.At, e.Actor.ToString(), e.Kind)));
        Assert.Equal("Opened P1 from check: webshop/home is down — HTTP 503", timeline[0].Text);
        Assert.Equal("Restarted the web pool.", timeline[2].Text);
    }

    [Fact]
    public async Task The_same_note_posted_twice_in_a_row_is_kept_once()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;

        var first = await harness.Desk.AddNoteAsync(caseNumber, Anna, "Looking into it");
        var retry = await harness.Desk.AddNoteAsync(caseNumber, Anna, "Looking into it");

        Assert.Equal(IncidentChangeKind.NoteAdded, first.Kind);
        Assert.Equal(IncidentChangeKind.Unchanged, retry.Kind);
        Assert.Single(await harness.TimelineAsync(caseNumber), e => e.Kind == TimelineKinds.Note);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_note_is_rejected(string text)
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Desk.AddNoteAsync(caseNumber, Anna, text));
    }

    [Fact]
    public async Task A_note_longer_than_the_limit_is_rejected()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Desk.AddNoteAsync(caseNumber, Anna, new string('x', IncidentDesk.MaxNoteLength + 1)));
        Assert.Equal(IncidentChangeKind.NoteAdded, (await harness.Desk.AddNoteAsync(caseNumber, Anna, new string('x', IncidentDesk.MaxNoteLength))).Kind);
    }

    [Fact]
    public async Task The_queue_is_ordered_by_priority_then_opening_instant()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "a", priority: Priority.P3));
        await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromMinutes(1), dedupKey: "b", priority: Priority.P1));
        await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromMinutes(2), dedupKey: "c", priority: Priority.P3));
        await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromMinutes(3), dedupKey: "d", priority: Priority.P2));
        await harness.Desk.HandleFailureAsync(Failure(Start - Duration.FromMinutes(1), dedupKey: "e", priority: Priority.P1));

        var queue = await harness.Desk.ListAsync(IncidentFilter.All);

        Assert.Equal(["e", "b", "d", "a", "c"], queue.Select(i => i.DedupKey));
    }

    [Fact]
    public async Task The_queue_filters_by_state_and_customer()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var acme = (await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "a"))).Incident!.CaseNumber;
        await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "b"));
        await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "c", customer: "globex", system: "erp"));
        await harness.Desk.AcknowledgeAsync(acme, Anna, Via.Api);

        var openAcme = await harness.Desk.ListAsync(new IncidentFilter(IncidentState.Open, "acme"));
        var globex = await harness.Desk.ListAsync(new IncidentFilter(Customer: "globex"));

        Assert.Equal(["b"], openAcme.Select(i => i.DedupKey));
        Assert.Equal(["c"], globex.Select(i => i.DedupKey));
    }

    [Fact]
    public async Task A_failing_observer_does_not_break_the_desk_or_other_observers()
    {
        var observer = new RecordingObserver();
        using var harness = await DeskHarness.CreateAsync(Start, observers: [new ThrowingObserver(), observer]);

        var opened = await harness.Desk.HandleFailureAsync(Failure(Start));

        Assert.Equal(IncidentChangeKind.Opened, opened.Kind);
        Assert.Equal([$"opened:{opened.Incident!.CaseNumber}"], observer.Events);
        Assert.Single(await harness.Desk.ListAsync(IncidentFilter.All));
    }

    [Fact]
    public async Task Observers_hear_each_transition_once()
    {
        var observer = new RecordingObserver();
        using var harness = await DeskHarness.CreateAsync(Start, observers: observer);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start))).Incident!.CaseNumber;
        await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromSeconds(30)));
        await harness.Desk.AcknowledgeAsync(caseNumber, Anna, Via.Sms);
        await harness.Desk.AcknowledgeAsync(caseNumber, Anna, Via.Sms);
        await harness.Desk.HandleRecoveryAsync(Recovery(Start + Duration.FromMinutes(1)));
        await harness.Desk.HandleFailureAsync(Failure(Start + Duration.FromMinutes(2)));

        Assert.Equal([$"opened:{caseNumber}", $"acknowledged:{caseNumber}", $"resolved:{caseNumber}", $"reopened:{caseNumber}"], observer.Events);
    }

    [Fact]
    public async Task Opened_incidents_are_counted_and_unresolved_ones_gauged()
    {
        using var harness = await DeskHarness.CreateAsync(Start);
        var caseNumber = (await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "a"))).Incident!.CaseNumber;
        await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "b"));
        await harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: "b"));
        await harness.Desk.ResolveAsync(caseNumber, Anna, Via.Api);

        Assert.Equal(2, harness.MetricValue("standbyops_incidents_opened_total", ("customer", "acme"), ("priority", "P1"), ("source", "check")));
        Assert.Equal(1, harness.MetricValue("standbyops_incidents_open", ("customer", "acme"), ("priority", "P1")));
    }

    [Fact]
    public async Task A_signal_without_a_dedup_key_is_rejected()
    {
        using var harness = await DeskHarness.CreateAsync(Start);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Desk.HandleFailureAsync(Failure(Start, dedupKey: " ")));
    }

    private sealed class ThrowingObserver : IIncidentObserver
    {
        public Task OnOpenedAsync(Incident incident) => throw new InvalidOperationException("observer is broken");
    }
}
