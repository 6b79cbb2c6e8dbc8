using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.IntegrationTests.Web;

namespace StandbyOps.IntegrationTests.Paging;

/// <summary>
/// <c>POST /api/v1/sms/outbox/{id}/reply</c> and the incident page's "Simulate reply" button: the <c>log</c> provider's
/// stand-in for an engineer's phone, handled like a Twilio inbound SMS.
/// </summary>
public sealed class SimulatedSmsReplyTests(StandbyWebServer running) : IClassFixture<StandbyWebServer>
{
    [Fact]
    public async Task The_button_on_the_incident_page_replies_the_pages_code_and_acknowledges_the_incident()
    {
        var (caseNumber, providerId, engineerId) = await PagedIncidentAsync();
        using var desk = await FormClient.SignedInAsync(running.Server.BaseAddress, (await running.TokenAsync("desk")).Secret);
        using var engineer = await FormClient.SignedInAsync(running.Server.BaseAddress, (await running.TokenAsync("engineer")).Secret);

        var (_, html) = await desk.PageAsync($"/incidents/{caseNumber}");
        var (_, engineerHtml) = await engineer.PageAsync($"/incidents/{caseNumber}");
        // The page's own code (1A for the engineer's first page, 2A for the next, …) is what the form suggests.
        var outbox = await HttpAssert.JsonAsync(await running.Admin.GetAsync("/api/v1/sms/outbox"), HttpStatusCode.OK);
        var sms = outbox.EnumerateArray().Single(m => m.GetProperty("providerId").GetString() == providerId).GetProperty("body").GetString()!;
        var reply = System.Text.RegularExpressions.Regex.Match(sms, "Reply ([0-9]+A) ack").Groups[1].Value;
        Assert.NotEmpty(reply);
        Assert.Contains($"<input type=\"hidden\" name=\"message\" value=\"{providerId}\"><input name=\"body\" value=\"{reply}\"", html, StringComparison.Ordinal);
        Assert.Contains("Simulate reply", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Simulate reply", engineerHtml, StringComparison.Ordinal);

        using var posted = await desk.PostFormAsync($"/incidents/{caseNumber}", $"/incidents/{caseNumber}/sms-reply", new Dictionary<string, string> { ["message"] = providerId, ["body"] = reply });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var incident = await running.IncidentAsync(caseNumber);
        Assert.Equal("acknowledged", incident.GetProperty("state").GetString());
        Assert.Equal($"engineer:{engineerId}", incident.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task The_api_checks_its_caller_the_body_and_the_message()
    {
        var (_, providerId, _) = await PagedIncidentAsync();
        using var engineer = await running.ClientAsync("engineer");
        using var desk = await running.ClientAsync("desk");
        using var anonymous = new HttpClient { BaseAddress = running.Server.BaseAddress };

        using var unauthenticated = await anonymous.PostAsJsonAsync($"/api/v1/sms/outbox/{providerId}/reply", new { body = "1A" });
        using var forbidden = await engineer.PostAsJsonAsync($"/api/v1/sms/outbox/{providerId}/reply", new { body = "1A" });
        using var empty = await desk.PostAsJsonAsync($"/api/v1/sms/outbox/{providerId}/reply", new { body = " " });
        using var unknown = await desk.PostAsJsonAsync("/api/v1/sms/outbox/LOG999999/reply", new { body = "1A" });
        using var help = await desk.PostAsJsonAsync($"/api/v1/sms/outbox/{providerId}/reply", new { body = "hello?" });

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var invalid = await HttpAssert.ProblemAsync(empty, HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("body", out _));
        var missing = await HttpAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Contains("LOG999999", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Reply <code>A", (await HttpAssert.JsonAsync(help, HttpStatusCode.OK)).GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_twilio_the_simulation_is_refused_with_a_problem()
    {
        await using var paging = await PagingServer.StartAsync();

        using var response = await paging.Admin.PostAsJsonAsync("/api/v1/sms/outbox/LOG000001/reply", new { body = "1A" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("log provider", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Opens an incident and waits until its page is in the outbox; returns the case number, the page's provider id and the paged engineer.</summary>
    private async Task<(string CaseNumber, string ProviderId, string Engineer)> PagedIncidentAsync()
    {
        var caseNumber = await running.FireAndStartPagingAsync(Guid.NewGuid().ToString("N")[..16]);
        // The web configuration keeps the default 15 s group wait before the SMS goes out.
        using var wait = await running.Admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { seconds = 20 });
        Assert.True(wait.IsSuccessStatusCode);
        var page = (JsonElement)await Poll.UntilAsync(async () =>
        {
            var pages = (await running.IncidentAsync(caseNumber)).GetProperty("pages").EnumerateArray().ToList();
            return pages.Count == 1 && pages[0].GetProperty("providerId").ValueKind == JsonValueKind.String ? (object)pages[0] : null;
        }, "the page shows its provider id");
        return (caseNumber, page.GetProperty("providerId").GetString()!, page.GetProperty("engineer").GetString()!);
    }
}
