using NodaTime;
using StandbyOps.Incidents.Desk;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Paging.Sms;
using StandbyOps.Paging.Tests.Support;

namespace StandbyOps.Paging.Tests.Dispatch;

public sealed class AllClearTests
{
    [Fact]
    public async Task On_resolution_each_paged_engineer_gets_one_all_clear_and_it_is_on_the_timeline()
    {
        using var paging = await PagingHarness.CreateAsync(allClear: true);
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        await paging.AdvanceAsync(Duration.FromMinutes(5));
        Assert.Single(paging.SmsTo(PagingHarness.Bram));

        await paging.Desk.ResolveAsync(caseNumber, Actor.OfEngineer("anna"), Via.Web);
        await paging.RunDueAsync();
        await paging.Desk.CloseAsync(caseNumber, Actor.OfDesk("desk"));
        await paging.AdvanceAsync(Duration.FromMinutes(10));

        var expected = AllClearSender.Text(caseNumber, "ACME B.V.", "webshop");
        Assert.Equal([expected], paging.SmsTo(PagingHarness.Anna).Skip(1));
        Assert.Equal([expected], paging.SmsTo(PagingHarness.Bram).Skip(1));
        Assert.Empty(paging.SmsTo(PagingHarness.Chris));
        Assert.Equal(2, (await paging.Desk.GetAsync(caseNumber))!.Timeline.Count(e => e.Kind == "all-clear"));
    }

    [Fact]
    public async Task A_team_without_all_clear_sends_none()
    {
        using var paging = await PagingHarness.CreateAsync();
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();

        await paging.Desk.ResolveAsync(caseNumber, Actor.OfEngineer("anna"), Via.Web);
        await paging.AdvanceAsync(Duration.FromMinutes(1));

        Assert.Single(paging.Sms.Sent);
    }

    [Fact]
    public async Task An_all_clear_that_met_an_outage_is_sent_again_by_its_intent_once()
    {
        using var paging = await PagingHarness.CreateAsync(allClear: true);
        paging.ObserveDesk();
        var caseNumber = await paging.FailAsync();
        await paging.RunDueAsync();
        paging.Sms.Enqueue(new SmsTransientFailure("Twilio 503", null));

        await paging.Desk.ResolveAsync(caseNumber, Actor.OfEngineer("anna"), Via.Web);
        await paging.RunDueAsync();
        Assert.Equal(2, paging.SmsTo(PagingHarness.Anna).Count);
        await paging.AdvanceAsync(Duration.FromSeconds(5));
        await paging.AdvanceAsync(Duration.FromMinutes(10));

        var sms = paging.Sms.Sent.Where(s => s.To == PagingHarness.Anna).Skip(1).ToList();
        Assert.Equal(2, sms.Count);
        Assert.Single(sms.Select(s => s.IdempotencyKey).Distinct());
        Assert.Single((await paging.Desk.GetAsync(caseNumber))!.Timeline, e => e.Kind == "all-clear");
    }
}
