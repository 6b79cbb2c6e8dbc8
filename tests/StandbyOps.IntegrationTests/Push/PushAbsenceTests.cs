using System.Net;

namespace StandbyOps.IntegrationTests.Push;

/// <summary>An <c>absentFor</c> push rule end to end: the periodic evaluation alone opens the incident.</summary>
public sealed class PushAbsenceTests(PushServer push) : IClassFixture<PushServer>
{
    [Fact]
    public async Task A_group_that_stops_pushing_opens_an_absent_incident_from_the_timer_alone()
    {
        using var response = await push.Globex.PutAsync("/metrics/job/portal", PushServer.Text("portal_up 1\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(await push.IncidentsAsync(), i => i.GetProperty("dedupKey").GetString() == "portal/portal-silent");

        await push.AdvanceAsync(11 * 60);

        var opened = await push.WaitForIncidentAsync(i => i.GetProperty("dedupKey").GetString() == "portal/portal-silent");
        Assert.Equal("globex", opened.GetProperty("customer").GetString());
        Assert.Equal("portal-silent: job 'portal' not pushed for 10m", opened.GetProperty("title").GetString());
    }
}
