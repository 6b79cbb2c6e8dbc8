using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Incidents;

/// <summary>SLA deadlines and breach detection through the real server on virtual time.</summary>
public sealed class IncidentSlaTests(VirtualTimeIncidentServer running) : IClassFixture<VirtualTimeIncidentServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_p1_opened_friday_afternoon_is_due_monday_and_breaches_when_the_deadline_passes()
    {
        // Fri 20 Nov 2026 15:00 Amsterdam, P1 = 4 business hours on Mon–Fri 08:30–17:00 → Mon 23 Nov 10:30 (09:30Z).
        var caseNumber = await running.FireAsync("0a1b2c3d4e5f6a7b", severity: "critical");

        var opened = await running.IncidentAsync(caseNumber);
        Assert.Equal("2026-11-20T14:00:00Z", opened.GetProperty("openedAt").GetString());
        Assert.Equal("2026-11-23T09:30:00Z", opened.GetProperty("responseDueAt").GetString());
        Assert.Equal("2026-11-24T14:00:00Z", opened.GetProperty("resolutionDueAt").GetString());

        await AdvanceToAsync("2026-11-23T09:30:01Z");

        var breached = await PollAsync(caseNumber, i => i.GetProperty("responseBreached").GetBoolean());
        Assert.False(breached.GetProperty("resolutionBreached").GetBoolean());
        Assert.Contains(
            "SLA breached: response due 2026-11-23T09:30:00Z",
            breached.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "sla-breached").Select(e => e.GetProperty("text").GetString()));
        // The breach is counted just after its flag commits (by an observer): poll.
        await Poll.UntilAsync(
            async () => (await (await running.Admin.GetAsync("/metrics")).Content.ReadAsStringAsync()).Contains("standbyops_sla_breaches_total{customer=\"acme\",kind=\"response\"} 1", StringComparison.Ordinal),
            "the breach is counted");
    }

    private async Task AdvanceToAsync(string to)
    {
        using var response = await running.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { to });
        await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The breach is recorded by the relay shortly after the clock moves: poll for it, don't sleep for it.</summary>
    private async Task<JsonElement> PollAsync(string caseNumber, Func<JsonElement, bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var incident = await running.IncidentAsync(caseNumber);
            if (condition(incident) || waited.Elapsed > Patience)
            {
                return incident;
            }

            // A poll interval, not a wait for time to pass: the virtual clock has already moved.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
