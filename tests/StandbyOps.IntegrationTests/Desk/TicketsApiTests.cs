using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.IntegrationTests.Web;

namespace StandbyOps.IntegrationTests.Desk;

/// <summary>Tickets opened by people over <c>POST /api/v1/incidents</c>, and comments, against a real server on virtual time.</summary>
public sealed class TicketsApiTests(WebServer running) : IClassFixture<WebServer>
{
    [Fact]
    public async Task A_phone_ticket_gets_a_case_number_and_the_deadlines_of_a_machine_incident_of_its_priority()
    {
        var machine = await running.IncidentAsync(await running.FireAsync(Guid.NewGuid().ToString("N")[..16], severity: "critical"));
        using var desk = await running.ClientAsync("desk", name: "desk-petra");

        using var response = await desk.PostAsJsonAsync("/api/v1/incidents", new
        {
            customer = "acme",
            system = "web",
            title = "Checkout refuses cards",
            description = "Jan called: every card payment fails.",
            priority = "P1",
            reporter = "Jan Jansen",
            channel = "phone",
        });
        var ticket = await HttpAssert.JsonAsync(response, HttpStatusCode.Created);

        var caseNumber = ticket.GetProperty("caseNumber").GetString()!;
        Assert.Matches(@"^2026-\d{6}$", caseNumber);
        Assert.Equal($"/api/v1/incidents/{caseNumber}", response.Headers.Location!.OriginalString);
        Assert.Equal("desk", ticket.GetProperty("source").GetString());
        Assert.Equal("open", ticket.GetProperty("state").GetString());
        Assert.Equal("P1", ticket.GetProperty("priority").GetString());
        Assert.Equal(machine.GetProperty("responseDueAt").GetString(), ticket.GetProperty("responseDueAt").GetString());
        Assert.Equal(machine.GetProperty("resolutionDueAt").GetString(), ticket.GetProperty("resolutionDueAt").GetString());
        var opened = ticket.GetProperty("timeline")[0];
        Assert.Equal("desk:desk-petra", opened.GetProperty("actor").GetString());
        Assert.Contains("reported by Jan Jansen via phone: Jan called: every card payment fails.", opened.GetProperty("text").GetString(), StringComparison.Ordinal);

        // Queue order: among the open P1s by opening instant, before every P2.
        var queue = (await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/incidents?state=open"), HttpStatusCode.OK)).EnumerateArray().ToList();
        var at = queue.FindIndex(i => i.GetProperty("caseNumber").GetString() == caseNumber);
        Assert.True(at >= 0);
        Assert.All(queue.Take(at), i => Assert.Equal("P1", i.GetProperty("priority").GetString()));
    }

    [Fact]
    public async Task Without_a_priority_a_ticket_takes_its_systems_criticality_and_the_channel_defaults_to_api()
    {
        var ticket = await HttpAssert.JsonAsync(
            await running.Admin.PostAsJsonAsync("/api/v1/incidents", new { customer = "globex", system = "erp", title = "Reports are late" }), HttpStatusCode.Created);

        Assert.Equal("P3", ticket.GetProperty("priority").GetString());
        Assert.Contains("via api", ticket.GetProperty("timeline")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_opens_a_portal_ticket_for_itself_only_and_another_customer_cannot_see_it()
    {
        using var acme = await running.ClientAsync("customer", "acme", "jan-at-acme");
        using var globex = await running.ClientAsync("customer", "globex");

        var ticket = await HttpAssert.JsonAsync(
            await acme.PostAsJsonAsync("/api/v1/incidents", new { system = "web", title = "Images missing", channel = "phone" }), HttpStatusCode.Created);
        var caseNumber = ticket.GetProperty("caseNumber").GetString()!;

        Assert.Equal("portal", ticket.GetProperty("source").GetString());
        Assert.Equal("acme", ticket.GetProperty("customer").GetString());
        Assert.Equal("customer:jan-at-acme", ticket.GetProperty("timeline")[0].GetProperty("actor").GetString());
        Assert.Contains(caseNumber, (await HttpAssert.JsonAsync(await acme.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray().Select(CaseOf));
        Assert.DoesNotContain(caseNumber, (await HttpAssert.JsonAsync(await globex.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray().Select(CaseOf));
        await HttpAssert.ProblemAsync(await globex.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.NotFound);
        var foreign = await HttpAssert.ProblemAsync(
            await acme.PostAsJsonAsync("/api/v1/incidents", new { customer = "globex", system = "erp", title = "Not mine" }), HttpStatusCode.BadRequest);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("customer", out _));
    }

    [Fact]
    public async Task Bad_tickets_say_what_is_wrong_and_where_and_engineers_and_pushers_may_not_open_them()
    {
        var problem = await HttpAssert.ProblemAsync(
            await running.Admin.PostAsJsonAsync("/api/v1/incidents", new { customer = "acme", system = "nope", title = "", priority = "P9", channel = "fax" }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("P9", errors.GetProperty("priority")[0].GetString(), StringComparison.Ordinal);

        var second = await HttpAssert.ProblemAsync(
            await running.Admin.PostAsJsonAsync("/api/v1/incidents", new { customer = "acme", system = "nope", title = "", channel = "fax" }), HttpStatusCode.BadRequest);
        var fields = second.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["channel", "system", "title"], fields);
        Assert.Contains("web", second.GetProperty("errors").GetProperty("system")[0].GetString(), StringComparison.Ordinal);

        using var engineer = await running.ClientAsync("engineer");
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostAsJsonAsync("/api/v1/incidents", new { customer = "acme", system = "web", title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await running.AcmeAlertmanager.PostAsJsonAsync("/api/v1/incidents", new { customer = "acme", system = "web", title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await running.Server.Http.PostAsJsonAsync("/api/v1/incidents", new { customer = "acme", system = "web", title = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_customer_comments_publicly_on_its_own_ticket_and_never_sees_internal_notes()
    {
        using var acme = await running.ClientAsync("customer", "acme");
        using var globex = await running.ClientAsync("customer", "globex");
        var caseNumber = CaseOf(await HttpAssert.JsonAsync(
            await acme.PostAsJsonAsync("/api/v1/incidents", new { system = "web", title = "Search is empty" }), HttpStatusCode.Created));

        await HttpAssert.JsonAsync(await acme.PostAsJsonAsync($"/api/v1/incidents/{caseNumber}/comments", new { text = "Still broken at 15:10.", @public = false }), HttpStatusCode.OK);
        await HttpAssert.JsonAsync(await running.Admin.PostAsJsonAsync($"/api/v1/incidents/{caseNumber}/comments", new { text = "Index job crashed; restarting.", @public = false }), HttpStatusCode.OK);
        await HttpAssert.JsonAsync(await running.Admin.PostAsJsonAsync($"/api/v1/incidents/{caseNumber}/comments", new { text = "We are rebuilding the index.", @public = true }), HttpStatusCode.OK);
        await HttpAssert.ProblemAsync(await globex.PostAsJsonAsync($"/api/v1/incidents/{caseNumber}/comments", new { text = "Hello?" }), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await acme.PostAsJsonAsync($"/api/v1/incidents/{caseNumber}/comments", new { text = " " }), HttpStatusCode.BadRequest);

        var staff = Entries(await running.IncidentAsync(caseNumber));
        var customer = Entries(await running.IncidentAsync(caseNumber, acme));
        Assert.Equal([("public-note", "Still broken at 15:10."), ("note", "Index job crashed; restarting."), ("public-note", "We are rebuilding the index.")], staff.Where(IsNote));
        Assert.Equal([("public-note", "Still broken at 15:10."), ("public-note", "We are rebuilding the index.")], customer.Where(IsNote));
        Assert.DoesNotContain(customer, e => e.Kind == "note");
    }

    [Fact]
    public async Task Internal_links_are_for_staff_only_and_never_reach_the_customer()
    {
        using var acme = await running.ClientAsync("customer", "acme");
        using var engineer = await running.ClientAsync("engineer");
        var caseNumber = CaseOf(await HttpAssert.JsonAsync(
            await acme.PostAsJsonAsync("/api/v1/incidents", new { system = "web", title = "Basket forgets items" }), HttpStatusCode.Created));

        var links = await HttpAssert.JsonAsync(
            await engineer.PutAsJsonAsync($"/api/v1/incidents/{caseNumber}/links", new { url = "https://dev.example/issues/DEV-4711", label = "DEV-4711" }), HttpStatusCode.OK);
        await HttpAssert.JsonAsync(
            await engineer.PutAsJsonAsync($"/api/v1/incidents/{caseNumber}/links", new { url = "https://dev.example/issues/DEV-4711", label = "DEV-4711" }), HttpStatusCode.OK);
        var bad = await HttpAssert.ProblemAsync(
            await engineer.PutAsJsonAsync($"/api/v1/incidents/{caseNumber}/links", new { url = "javascript:alert(1)", label = "" }), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(
            await engineer.PutAsJsonAsync("/api/v1/incidents/2026-999999/links", new { url = "https://dev.example/x", label = "X" }), HttpStatusCode.NotFound);

        var link = Assert.Single(links.EnumerateArray());
        Assert.Equal("DEV-4711", link.GetProperty("label").GetString());
        Assert.Equal(["label", "url"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Single(Entries(await running.IncidentAsync(caseNumber)), e => e.Kind == "internal-link");
        Assert.Equal(HttpStatusCode.Forbidden, (await acme.GetAsync($"/api/v1/incidents/{caseNumber}/links")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await acme.PutAsJsonAsync($"/api/v1/incidents/{caseNumber}/links", new { url = "https://x.example/", label = "x" })).StatusCode);
        var seenByCustomer = await HttpAssert.JsonAsync(await acme.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK);
        Assert.DoesNotContain("DEV-4711", seenByCustomer.GetRawText(), StringComparison.Ordinal);
    }

    private static bool IsNote((string Kind, string Text) entry) => entry.Kind is "note" or "public-note";

    private static string CaseOf(JsonElement incident) => incident.GetProperty("caseNumber").GetString()!;

    private static List<(string Kind, string Text)> Entries(JsonElement incident) =>
        incident.GetProperty("timeline").EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("text").GetString()!)).ToList();
}
