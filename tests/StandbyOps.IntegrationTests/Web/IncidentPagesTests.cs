using System.Net;
using System.Text.Json;
using StandbyOps.IntegrationTests.Incidents;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The queue, an incident's page and its buttons, on incidents opened through the real Alertmanager webhook.</summary>
public sealed class IncidentPagesTests(WebServer running) : IClassFixture<WebServer>
{
    private Uri Base => running.Server.BaseAddress;

    [Fact]
    public async Task The_queue_lists_an_open_incident_in_the_customers_time_zone()
    {
        var caseNumber = await running.FireAsync(Fingerprint());
        var (_, secret, _) = await running.NamedTokenAsync("desk");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        var (status, html) = await browser.PageAsync("/incidents");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Row(html, caseNumber);
        Assert.Contains($"<a href=\"/incidents/{caseNumber}\">{caseNumber}</a>", row, StringComparison.Ordinal);
        Assert.Contains("ACME B.V.", row, StringComparison.Ordinal);
        Assert.Contains(">P1<", row, StringComparison.Ordinal);
        // Opened on virtual time 2026-11-20T14:00:00Z: 15:00 in Amsterdam, with the instant in UTC alongside.
        Assert.Contains("datetime=\"2026-11-20T14:00:00Z\" title=\"2026-11-20T14:00:00Z\">Fri 20 Nov 2026 15:00 CET</time>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_title_with_markup_is_shown_as_text()
    {
        var caseNumber = await running.FireAsync(Fingerprint(), summary: "<script>alert('pwned')</script> disk & \"quota\"");
        var (_, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        var (_, queue) = await browser.PageAsync("/incidents");
        var (_, detail) = await browser.PageAsync($"/incidents/{caseNumber}");

        foreach (var html in new[] { Row(queue, caseNumber), detail })
        {
            Assert.Contains("&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt; disk &amp; &quot;quota&quot;", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Acknowledge_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var caseNumber = await running.FireAsync(Fingerprint());
        var (_, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        using var response = await browser.PostWithoutTokenAsync($"/incidents/{caseNumber}/acknowledge");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var incident = await running.IncidentAsync(caseNumber);
        Assert.Equal("open", Text(incident, "state"));
        Assert.DoesNotContain("acknowledged", Kinds(incident));
    }

    [Fact]
    public async Task Acknowledge_from_the_page_is_an_acknowledgement_via_web_and_is_idempotent()
    {
        var caseNumber = await running.FireAsync(Fingerprint());
        var (_, secret, name) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        using var first = await browser.PostFormAsync($"/incidents/{caseNumber}", $"/incidents/{caseNumber}/acknowledge");
        using var second = await browser.PostFormAsync($"/incidents/{caseNumber}", $"/incidents/{caseNumber}/acknowledge");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/incidents/{caseNumber}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var incident = await running.IncidentAsync(caseNumber);
        Assert.Equal(("acknowledged", $"engineer:{name}"), (Text(incident, "state"), Text(incident, "acknowledgedBy")));
        var acknowledged = incident.GetProperty("timeline").EnumerateArray().Where(e => Text(e, "kind") == "acknowledged").ToList();
        Assert.Equal($"Acknowledged by {name} via web", Text(Assert.Single(acknowledged), "text"));
        var (_, page) = await browser.PageAsync($"/incidents/{caseNumber}");
        Assert.Contains("<span class=\"badge state acknowledged\">acknowledged</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/acknowledge\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_resolve_and_close_from_the_page_reach_the_timeline_as_the_desk_user()
    {
        var caseNumber = await running.FireAsync(Fingerprint());
        var (_, secret, name) = await running.NamedTokenAsync("desk");
        using var browser = await FormClient.SignedInAsync(Base, secret);
        var page = $"/incidents/{caseNumber}";

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, $"{page}/notes", new Dictionary<string, string> { ["text"] = "Customer called, <b>on it</b>." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, $"{page}/resolve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, $"{page}/close")).StatusCode);

        var incident = await running.IncidentAsync(caseNumber);
        Assert.Equal("closed", Text(incident, "state"));
        var mine = incident.GetProperty("timeline").EnumerateArray().Where(e => Text(e, "actor") == $"desk:{name}").Select(e => (Text(e, "kind"), Text(e, "text")));
        Assert.Equal([("note", "Customer called, <b>on it</b>."), ("resolved", $"Resolved by {name} via web"), ("closed", $"Closed by {name}")], mine);
        var (_, html) = await browser.PageAsync(page);
        Assert.Contains("Customer called, &lt;b&gt;on it&lt;/b&gt;.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_note_is_refused_with_400_and_nothing_is_added()
    {
        var caseNumber = await running.FireAsync(Fingerprint());
        var (_, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        using var response = await browser.PostFormAsync($"/incidents/{caseNumber}", $"/incidents/{caseNumber}/notes", new Dictionary<string, string> { ["text"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A note needs 1 to 2000 characters.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("note", Kinds(await running.IncidentAsync(caseNumber)));
    }

    [Fact]
    public async Task A_customer_sees_only_its_own_incidents_read_only_and_another_customers_is_404()
    {
        var acmeCase = await running.FireAsync(Fingerprint());
        using var globexAlertmanager = await running.ClientAsync("pusher", "globex");
        var globexCase = await running.FireAsync(Fingerprint(), sender: globexAlertmanager);
        var (_, secret, _) = await running.NamedTokenAsync("customer", "acme");
        using var portal = await FormClient.SignedInAsync(Base, secret);

        var (_, queue) = await portal.PageAsync("/incidents?state=all");
        var (ownStatus, own) = await portal.PageAsync($"/incidents/{acmeCase}");
        var (otherStatus, _) = await portal.PageAsync($"/incidents/{globexCase}");
        using var acknowledge = await portal.PostFormAsync($"/incidents/{acmeCase}", $"/incidents/{acmeCase}/acknowledge");

        Assert.Contains(acmeCase, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(globexCase, queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.DoesNotContain("<button type=\"submit\">Acknowledge", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/incidents/{acmeCase}/notes\"", own, StringComparison.Ordinal);
        Assert.Contains($"action=\"/incidents/{acmeCase}/comments\"", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Equal(HttpStatusCode.Forbidden, acknowledge.StatusCode);
        Assert.Equal("open", Text(await running.IncidentAsync(acmeCase), "state"));
    }

    [Theory]
    [InlineData("not-a-case", HttpStatusCode.BadRequest)]
    [InlineData("2026-9999999", HttpStatusCode.NotFound)]
    public async Task A_malformed_case_number_is_400_and_an_unknown_one_404(string caseNumber, HttpStatusCode expected)
    {
        var (_, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        var (status, html) = await browser.PageAsync($"/incidents/{caseNumber}");

        Assert.Equal(expected, status);
        Assert.Contains(caseNumber, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_state_filter_is_400()
    {
        var (_, secret, _) = await running.NamedTokenAsync("engineer");
        using var browser = await FormClient.SignedInAsync(Base, secret);

        var (status, html) = await browser.PageAsync("/incidents?state=sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("active, open, acknowledged, resolved, closed, all", html, StringComparison.Ordinal);
    }

    /// <summary>The queue row of <paramref name="caseNumber"/>.</summary>
    private static string Row(string html, string caseNumber)
    {
        var at = html.IndexOf($"<a href=\"/incidents/{caseNumber}\">", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{caseNumber} is not in the queue");
        var start = html.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return html[start..(html.IndexOf("</tr>", at, StringComparison.Ordinal) + 5)];
    }

    private static IEnumerable<string> Kinds(JsonElement incident) =>
        incident.GetProperty("timeline").EnumerateArray().Select(e => Text(e, "kind"));

    private static string Fingerprint() => Guid.NewGuid().ToString("N")[..16];

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
