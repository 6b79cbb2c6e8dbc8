using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Notices;

/// <summary>
/// DOMAIN.md "Deadlines" on a fake clock: acme in standby with <c>sla.warnBefore: 10m</c>; a P1 at Tue 20:00 Amsterdam is due
/// for response in 30 minutes (19:30Z), so the warning is due at 19:20Z and the breach just after 19:30Z; anna, paged at
/// once, gets both by SMS, and the desk sees both on the timeline.
/// </summary>
public sealed class SlaNoticeTests
{
    private const string Anna = PagingHarness.Anna;

    [Fact]
    public async Task The_paged_engineer_gets_a_warning_at_the_lead_time_and_a_notice_when_the_response_breaches()
    {
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: true, warnBefore: "10m"));
        paging.NotifySla();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();

        await paging.AdvanceAsync(Duration.FromMinutes(20) - Duration.FromSeconds(1));
        var beforeWarning = paging.SmsTo(Anna).Count;
        await paging.AdvanceAsync(Duration.FromSeconds(1));
        var afterWarning = paging.SmsTo(Anna);
        await paging.AdvanceAsync(Duration.FromMinutes(10));
        var atDeadline = paging.SmsTo(Anna).Count;
        await paging.AdvanceAsync(Duration.FromSeconds(1));
        var afterBreach = paging.SmsTo(Anna);

        Assert.Equal(1, beforeWarning); // the page
        Assert.Equal(2, afterWarning.Count);
        Assert.Equal($"{caseNumber} P1 ACME B.V.: response due Tue 20:30. Not acknowledged yet.", afterWarning[1]);
        Assert.Equal(2, atDeadline);
        Assert.Equal(3, afterBreach.Count);
        Assert.Equal($"{caseNumber} P1 ACME B.V.: response SLA BREACHED (due Tue 20:30).", afterBreach[2]);
        var timeline = (await paging.Desk.GetAsync(caseNumber))!.Timeline;
        var warning = Assert.Single(timeline, e => e.Kind == TimelineKinds.SlaWarning);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 19, 20), warning.At);
        Assert.Equal("SLA warning: response due 2026-11-24T19:30:00Z, in 10 min", warning.Text);
        Assert.Single(timeline, e => e.Kind == TimelineKinds.SlaBreached);
    }

    [Fact]
    public async Task An_acknowledgement_before_the_lead_time_cancels_the_response_warning_and_the_breach_notice()
    {
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: true, warnBefore: "10m"));
        paging.NotifySla();
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        await paging.AdvanceAsync(Duration.FromMinutes(15));
        await paging.Desk.AcknowledgeAsync(caseNumber, Actor.OfEngineer("anna"), Via.Sms);

        await paging.AdvanceAsync(Duration.FromHours(1));

        Assert.Single(paging.SmsTo(Anna));
        var timeline = (await paging.Desk.GetAsync(caseNumber))!.Timeline;
        Assert.DoesNotContain(timeline, e => e.Kind is TimelineKinds.SlaWarning or TimelineKinds.SlaBreached);
    }

    [Fact]
    public async Task A_resolution_warning_is_not_sent_after_the_ticket_was_resolved()
    {
        // P1 resolution: 2 business days from the next opening (Wed 08:30) → Thu 17:00 Amsterdam; warning 1 h before.
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: true, warnBefore: "1h"));
        paging.NotifySla();
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        await paging.Desk.AcknowledgeAsync(caseNumber, Actor.OfEngineer("anna"), Via.Sms);
        await paging.AdvanceAsync(Duration.FromDays(1));
        await paging.Desk.ResolveAsync(caseNumber, Actor.OfEngineer("anna"), Via.Sms);

        await paging.AdvanceAsync(Duration.FromDays(3));

        Assert.Single(paging.SmsTo(Anna));
        Assert.DoesNotContain((await paging.Desk.GetAsync(caseNumber))!.Timeline, e => e.Kind is TimelineKinds.SlaWarning or TimelineKinds.SlaBreached);
    }

    [Fact]
    public async Task Without_warnBefore_no_warning_is_written()
    {
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: true));
        paging.NotifySla();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();

        await paging.AdvanceAsync(Duration.FromMinutes(31));

        Assert.Equal(2, paging.SmsTo(Anna).Count); // the page and the breach notice
        Assert.DoesNotContain((await paging.Desk.GetAsync(caseNumber))!.Timeline, e => e.Kind == TimelineKinds.SlaWarning);
    }
}
