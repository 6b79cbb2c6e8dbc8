using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Incidents;

/// <summary>The desk API on incidents opened through the real Alertmanager webhook.</summary>
public sealed class IncidentsApiTests(IncidentServer running) : IClassFixture<IncidentServer>
{
    [Fact]
    public async Task A_firing_alert_shows_in_the_queue_with_the_documented_fields()
    {
        var fingerprint = Fingerprint();

        var caseNumber = await running.FireAsync(fingerprint, severity: "error");

        var queue = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/incidents?state=open&customer=acme"), HttpStatusCode.OK);
        var incident = queue.EnumerateArray().Single(i => i.GetProperty("caseNumber").GetString() == caseNumber);
        Assert.Equal(
            ["caseNumber", "state", "priority", "customer", "system", "source", "dedupKey", "title", "openedAt", "acknowledgedAt", "acknowledgedBy",
             "resolvedAt", "responseDueAt", "resolutionDueAt", "responseBreached", "resolutionBreached"],
            incident.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("open", "P2", "acme", "alertmanager"), (Text(incident, "state"), Text(incident, "priority"), Text(incident, "customer"), Text(incident, "source")));
        Assert.Matches(@"^\d{4}-\d{6}$", caseNumber);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", Text(incident, "openedAt"));
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task The_same_alert_fired_twice_is_one_incident()
    {
        var fingerprint = Fingerprint();
        var first = await running.FireAsync(fingerprint);

        var second = await running.FireAsync(fingerprint);

        Assert.Equal(first, second);
        var detail = await running.IncidentAsync(first);
        Assert.Equal(["opened", "failure-repeated"], DeskTimeline(detail).Select(e => Text(e, "kind")));
    }

    [Fact]
    public async Task Acknowledging_twice_over_the_api_is_idempotent()
    {
        var caseNumber = await running.FireAsync(Fingerprint());
        using var engineer = await running.ClientAsync("engineer", name: "anna");

        var first = await HttpAssert.JsonAsync(await engineer.PostAsync($"/api/v1/incidents/{caseNumber}/acknowledge", null), HttpStatusCode.OK);
        var second = await HttpAssert.JsonAsync(await engineer.PostAsync($"/api/v1/incidents/{caseNumber}/acknowledge", null), HttpStatusCode.OK);

        Assert.Equal(("acknowledged", "engineer:anna"), (Text(first, "state"), Text(first, "acknowledgedBy")));
        Assert.Equal(Text(first, "acknowledgedAt"), Text(second, "acknowledgedAt"));
        var acknowledged = second.GetProperty("timeline").EnumerateArray().Where(e => Text(e, "kind") == "acknowledged").ToList();
        Assert.Equal("Acknowledged by anna via api", Text(Assert.Single(acknowledged), "text"));
    }

    [Fact]
    public async Task Resolve_note_and_close_move_the_incident_and_show_on_its_timeline()
    {
        var caseNumber = await running.FireAsync(Fingerprint());
        using var desk = await running.ClientAsync("desk", name: "marie");

        var resolved = await HttpAssert.JsonAsync(await desk.PostAsync($"/api/v1/incidents/{caseNumber}/resolve", null), HttpStatusCode.OK);
        await HttpAssert.JsonAsync(await desk.PostAsJsonAsync($"/api/v1/incidents/{caseNumber}/notes", new { text = "Customer informed by phone." }), HttpStatusCode.OK);
        var closed = await HttpAssert.JsonAsync(await desk.PostAsync($"/api/v1/incidents/{caseNumber}/close", null), HttpStatusCode.OK);

        Assert.Equal("resolved", Text(resolved, "state"));
        Assert.Equal("closed", Text(closed, "state"));
        Assert.Equal(
            [("opened", "system:alertmanager"), ("resolved", "desk:marie"), ("note", "desk:marie"), ("closed", "desk:marie")],
            DeskTimeline(closed).Select(e => (Text(e, "kind"), Text(e, "actor"))));
        Assert.Equal(JsonValueKind.Array, closed.GetProperty("pages").ValueKind);
    }

    [Fact]
    public async Task A_resolved_alert_resolves_its_incident()
    {
        var fingerprint = Fingerprint();
        var caseNumber = await running.FireAsync(fingerprint);

        await IncidentServerBase.SendAlertAsync(running.AcmeAlertmanager, "resolved", fingerprint, "critical");

        Assert.Equal("resolved", Text(await running.IncidentAsync(caseNumber), "state"));
    }

    [Fact]
    public async Task A_customer_token_sees_only_its_own_customers_incidents()
    {
        var acmeCase = await running.FireAsync(Fingerprint());
        using var globexAlertmanager = await running.ClientAsync("pusher", "globex");
        var globexCase = await running.FireAsync(Fingerprint(), sender: globexAlertmanager);
        using var acmePortal = await running.ClientAsync("customer", "acme");

        var queue = await HttpAssert.JsonAsync(await acmePortal.GetAsync("/api/v1/incidents"), HttpStatusCode.OK);
        var asked = await HttpAssert.JsonAsync(await acmePortal.GetAsync("/api/v1/incidents?customer=globex"), HttpStatusCode.OK);

        Assert.Contains(acmeCase, queue.EnumerateArray().Select(i => Text(i, "caseNumber")));
        Assert.All(queue.EnumerateArray(), i => Assert.Equal("acme", Text(i, "customer")));
        Assert.Equal(0, asked.GetArrayLength());
        await HttpAssert.JsonAsync(await acmePortal.GetAsync($"/api/v1/incidents/{acmeCase}"), HttpStatusCode.OK);
        await HttpAssert.ProblemAsync(await acmePortal.GetAsync($"/api/v1/incidents/{globexCase}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_queue_is_sorted_by_priority_then_opening()
    {
        await running.FireAsync(Fingerprint(), severity: "info");
        await running.FireAsync(Fingerprint(), severity: "critical");
        await running.FireAsync(Fingerprint(), severity: "warning");

        var queue = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK);

        var order = queue.EnumerateArray().Select(i => (Text(i, "priority"), Text(i, "openedAt"), Text(i, "caseNumber"))).ToList();
        Assert.Equal(order.OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Item2, StringComparer.Ordinal).ThenBy(o => o.Item3, StringComparer.Ordinal), order);
        Assert.Contains("P1", order.Select(o => o.Item1));
        Assert.Contains("P4", order.Select(o => o.Item1));
    }

    /// <summary>
    /// The timeline without the paging stage's entries: this server runs on the system clock, so whether an incident
    /// is paged or waits (a <c>not-paged</c> entry, written asynchronously) depends on the time of day the test runs.
    /// Paging's entries are asserted on virtual time in the Paging tests.
    /// </summary>
    private static IEnumerable<JsonElement> DeskTimeline(JsonElement incident) =>
        incident.GetProperty("timeline").EnumerateArray().Where(e => Text(e, "actor") != "system:paging");

    private static string Fingerprint() => Guid.NewGuid().ToString("N")[..16];

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
