using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.FollowUps;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Testing.Support;

namespace StandbyOps.Desk.Tests.FollowUps;

/// <summary>
/// NETCOR's level-1 daily follow-up: <c>followUp: { priorities: [P1], every: 1 business day }</c> on Mon–Fri 08:30–17:00
/// Amsterdam (a business day is 8.5 h). A P1 opened Fri 20 Nov 2026 15:00 is due for review Mon 23 Nov 15:00 (2 h on
/// Friday + 6.5 h on Monday), then Tue 15:00, until it is resolved; it notifies nobody outside.
/// </summary>
public sealed class FollowUpReviewTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 11, 20, 14, 0);
    private static readonly Instant MondayReview = Instant.FromUtc(2026, 11, 23, 14, 0);

    private static readonly string Yaml = ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(escalation: [ConfigBlocks.OnCallStep]),
        customers: ConfigBlocks.AcmeCustomer() + """

            followUp: { priorities: [P1], every: 1 business day }
            systems:
              web: { name: Web shop, criticality: critical }
        """);

    [Fact]
    public async Task A_level_1_ticket_is_due_for_review_every_business_day_until_it_is_resolved()
    {
        await using var desk = await DeskHarness.StartAsync(Yaml, Opened);
        var reviews = desk.Services.GetRequiredService<FollowUpReviews>();
        var caseNumber = await OpenAsync(desk, Priority.P1);

        await desk.AdvanceToAsync(MondayReview - Duration.FromMinutes(1));
        var beforeMonday = await reviews.DueAsync();
        await desk.AdvanceToAsync(MondayReview);
        var monday = Assert.Single(await reviews.DueAsync());
        var settled = await reviews.RecordAsync(caseNumber, Actor.OfDesk("petra"), "Called Jan, vendor still working on it");
        var afterReview = await reviews.DueAsync();
        await desk.AdvanceToAsync(MondayReview + Duration.FromDays(1));
        var tuesday = Assert.Single(await reviews.DueAsync());
        await desk.Incidents.ResolveAsync(caseNumber, Actor.OfEngineer("anna"), Via.Api);
        await desk.AdvanceToAsync(MondayReview + Duration.FromDays(8));

        Assert.Empty(beforeMonday);
        Assert.Equal((1, MondayReview, caseNumber), (monday.Number, monday.DueAt, monday.Incident.CaseNumber));
        Assert.Equal(1, settled);
        Assert.Empty(afterReview);
        Assert.Equal((2, MondayReview + Duration.FromDays(1)), (tuesday.Number, tuesday.DueAt));
        Assert.Empty(await reviews.DueAsync());
        var timeline = (await desk.Incidents.GetAsync(caseNumber))!.Timeline;
        Assert.Contains(timeline, e => e.Kind == TimelineKinds.Note && e.Text == "Follow-up review done: Called Jan, vendor still working on it");
        Assert.Empty(await desk.Services.GetRequiredService<StandbyOps.Desk.Mail.MailOutbox>().ListAsync(10));
    }

    [Fact]
    public async Task A_priority_the_follow_up_does_not_name_is_never_due_and_recording_it_settles_nothing()
    {
        await using var desk = await DeskHarness.StartAsync(Yaml, Opened);
        var reviews = desk.Services.GetRequiredService<FollowUpReviews>();
        var caseNumber = await OpenAsync(desk, Priority.P3);

        await desk.AdvanceToAsync(Opened + Duration.FromDays(10));

        Assert.Empty(await reviews.DueAsync());
        Assert.Equal(0, await reviews.RecordAsync(caseNumber, Actor.OfDesk("petra"), null));
        Assert.DoesNotContain((await desk.Incidents.GetAsync(caseNumber))!.Timeline, e => e.Kind == TimelineKinds.Note);
    }

    private static async Task<string> OpenAsync(DeskHarness desk, Priority priority)
    {
        var tickets = desk.Services.GetRequiredService<TicketDesk>();
        return (await tickets.OpenAsync(new NewTicket("acme", "web", "Shop down", "", priority, "Jan", null, TicketChannel.Phone), Actor.OfDesk("petra"))).Incident!.CaseNumber;
    }
}
