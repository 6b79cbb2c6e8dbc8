using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Notices;

/// <summary>
/// DOMAIN.md "Waiting for business hours": a ticket of a customer without agreed standby that opens outside business hours
/// pages nobody then, and is announced to the duty engineer (chris) when the calendar next opens (08:30 Amsterdam).
/// </summary>
public sealed class HoursOpenAnnouncementTests
{
    private const string Chris = PagingHarness.Chris;

    [Fact]
    public async Task A_night_ticket_of_a_business_hours_customer_is_announced_to_the_duty_engineer_at_0830()
    {
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: false));
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync(); // Tue 24 Nov 2026 20:00 Amsterdam
        await paging.RunDueAsync();

        await paging.AdvanceAsync(Instant.FromUtc(2026, 11, 25, 7, 29, 59) - paging.Clock.GetCurrentInstant());
        var beforeOpening = paging.Sms.Sent.Count;
        await paging.AdvanceAsync(Duration.FromSeconds(1)); // Wed 08:30 Amsterdam

        Assert.Equal(0, beforeOpening);
        var sms = Assert.Single(paging.Sms.Sent);
        Assert.Equal(Chris, sms.To);
        Assert.Contains(caseNumber, sms.Body, StringComparison.Ordinal);
        var timeline = (await paging.Desk.GetAsync(caseNumber))!.Timeline;
        Assert.Contains(timeline, e => e.Text.Contains("waits for business hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Over_christmas_the_announcement_waits_for_the_first_working_day()
    {
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: false));
        paging.Clock.Advance(Instant.FromUtc(2026, 12, 24, 19, 0) - paging.Clock.GetCurrentInstant()); // Thu 24 Dec 20:00; 25 and 26 Dec are NL holidays
        await paging.FailAsync();
        await paging.RunDueAsync();

        await paging.AdvanceAsync(Instant.FromUtc(2026, 12, 28, 7, 29) - paging.Clock.GetCurrentInstant());
        var before = paging.Sms.Sent.Count;
        await paging.AdvanceAsync(Duration.FromMinutes(1)); // Mon 28 Dec 08:30

        Assert.Equal(0, before);
        Assert.Equal(Chris, Assert.Single(paging.Sms.Sent).To);
    }

    [Fact]
    public async Task A_ticket_acknowledged_or_resolved_before_the_hours_open_is_not_announced()
    {
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: false));
        paging.ObserveDesk();
        var acknowledged = await paging.FailAsync("webshop/home");
        var resolved = await paging.FailAsync("webshop/db");
        await paging.RunDueAsync();
        await paging.AdvanceAsync(Duration.FromHours(1));
        await paging.Desk.AcknowledgeAsync(acknowledged, Actor.OfDesk("petra"), Via.Web);
        await paging.RecoverAsync("webshop/db");

        await paging.AdvanceAsync(Duration.FromHours(14)); // Wed 11:00 Amsterdam

        Assert.Empty(paging.Sms.Sent);
        Assert.NotEqual(resolved, acknowledged);
    }

    [Fact]
    public async Task A_night_ticket_inside_agreed_standby_is_paged_at_once_and_not_announced_again()
    {
        using var paging = await PagingHarness.CreateAsync(yaml: NoticeConfigs.Acme(standby: true));
        paging.NotifySla();
        await paging.FailAsync();
        await paging.RunDueAsync();
        var atNight = paging.Sms.Sent.Count;

        await paging.AdvanceAsync(Duration.FromHours(13)); // Wed 09:00 Amsterdam

        Assert.Equal(1, atNight);
        Assert.Empty(paging.SmsTo(Chris));
        Assert.All(paging.Sms.Sent, s => Assert.Equal(PagingHarness.Anna, s.To)); // the page, and the breach notice of the 30-minute standby response
    }
}
