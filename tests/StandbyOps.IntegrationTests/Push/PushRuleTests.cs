using System.Net;
using System.Text.Json;

namespace StandbyOps.IntegrationTests.Push;

/// <summary>Push rules end to end on virtual time: a threshold held for its duration opens an incident, recovery resolves it.</summary>
public sealed class PushRuleTests(PushServer push) : IClassFixture<PushServer>
{
    [Fact]
    public async Task A_value_below_its_threshold_for_five_minutes_opens_an_incident_and_recovering_resolves_it()
    {
        var pushedAt = await push.NowAsync();
        await PushDiskAsync(5e8);
        Assert.DoesNotContain(await push.IncidentsAsync(), IsDiskFree);

        await push.AdvanceAsync(6 * 60);
        var opened = await push.WaitForIncidentAsync(i => IsDiskFree(i) && i.GetProperty("state").GetString() == "open");

        Assert.Equal(("acme", "webshop", "push", "P2"), (opened.GetProperty("customer").GetString(), opened.GetProperty("system").GetString(),
            opened.GetProperty("source").GetString(), opened.GetProperty("priority").GetString()));
        Assert.True(opened.GetProperty("openedAt").GetDateTimeOffset() >= pushedAt.AddMinutes(5), "opened before the value had been low for 5 minutes");

        await PushDiskAsync(5e10);
        var resolved = await push.WaitForIncidentAsync(i => IsDiskFree(i) && i.GetProperty("state").GetString() == "resolved");
        Assert.Equal(opened.GetProperty("caseNumber").GetString(), resolved.GetProperty("caseNumber").GetString());

        // Another customer's pushes of the same job and metric are invisible to acme's rule.
        using var globex = await push.Globex.PutAsync("/metrics/job/node/instance/web-1", PushServer.Text("node_filesystem_avail_bytes{mountpoint=\"/\"} 1\n"));
        Assert.Equal(HttpStatusCode.OK, globex.StatusCode);
        await push.AdvanceAsync(6 * 60);
        Assert.Equal("resolved", Assert.Single(await push.IncidentsAsync(), IsDiskFree).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Pushed_groups_survive_a_killed_server()
    {
        using var response = await push.Acme.PutAsync("/metrics/job/durable/instance/a", PushServer.Text("# TYPE durable_metric gauge\ndurable_metric 7\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await push.RestartAsync();

        Assert.Single(await push.LinesAsync("durable_metric{customer=\"acme\",instance=\"a\",job=\"durable\"} 7"));
    }

    private static bool IsDiskFree(JsonElement incident) => incident.GetProperty("dedupKey").GetString() == "webshop/disk-free";

    private async Task PushDiskAsync(double value)
    {
        using var response = await push.Acme.PutAsync(
            "/metrics/job/node/instance/web-1",
            PushServer.Text($"node_filesystem_avail_bytes{{mountpoint=\"/\"}} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
