using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.FakeTwilio;
using StandbyOps.Testing.Mail;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Desk;

/// <summary>
/// "Nobody waits silently" through the real server on virtual time, with the fake Twilio and an SMTP server on loopback.
/// acme has business hours only (Mon–Fri 08:30–17:00 Amsterdam), <c>sla.warnBefore: 30m</c> and a daily follow-up for P1;
/// chris is the team's duty engineer. Two P1 tickets open on Tuesday 24 Nov 2026 at 20:00 Amsterdam (19:00Z): both wait
/// for business hours (response due Wed 12:30 = 11:30Z); the desk acknowledges the second one during the night.
/// </summary>
public sealed class NoticesEndToEndTests
{
    private const string Start = "2026-11-24T19:00:00Z";
    private const string Chris = "+31634567890";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_night_ticket_is_announced_at_0830_warned_at_the_lead_time_breached_at_the_deadline_and_due_for_review_and_an_acknowledged_one_gets_none()
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var smtp = new FakeSmtpServer();
        using var directory = new TempDirectory();
        var port = ServerProcess.FreePort();
        var config = directory.Write("standbyops.yaml", Config(new Uri($"http://127.0.0.1:{port}/"), twilio, smtp.Port));
        var environment = new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret, ["STANDBYOPS_VIRTUAL_TIME"] = Start };
        await using var server = await ServerProcess.StartAsync(config, directory.File("data"), environment, port);
        using var admin = server.ClientWithToken(RunningServer.AdminSecret);

        var waiting = await OpenAsync(admin, "Checkout refuses cards");
        var answered = await OpenAsync(admin, "Search is slow");
        var opened = await smtp.WaitForAsync(m => (Decoded(m).Subject ?? "").Contains(waiting, StringComparison.Ordinal), Patience);
        Assert.Equal($"[{waiting}] ACME B.V. — we opened {waiting}", Decoded(opened).Subject);
        Assert.Contains("due by 2026-11-25 11:30 UTC", Decoded(opened).TextBody ?? "", StringComparison.Ordinal);
        await HttpAssert.JsonAsync(await admin.PostAsync($"/api/v1/incidents/{answered}/acknowledge", null), HttpStatusCode.OK);
        await smtp.WaitForAsync(m => (Decoded(m).Subject ?? "").Contains(answered, StringComparison.Ordinal) && (Decoded(m).TextBody ?? "").Contains("acknowledged", StringComparison.Ordinal), Patience);

        // Night: nobody is paged. At 08:30 Amsterdam chris gets the waiting ticket, not the acknowledged one (the virtual clock
        // stands still between moves, so the timeline's instants say exactly when each notice was decided).
        await AdvanceToAsync(admin, "2026-11-25T07:29:00Z");
        await AdvanceToAsync(admin, "2026-11-25T07:30:00Z");
        var announcement = await Poll.UntilAsync(() => Task.FromResult(Sms(twilio, Chris).FirstOrDefault()), "the duty engineer is told at 08:30");
        Assert.Contains(waiting, announcement, StringComparison.Ordinal);
        Assert.DoesNotContain(answered, announcement, StringComparison.Ordinal);
        var paged = await Poll.UntilAsync(
            async () => (await TimelineAsync(admin, waiting)).FirstOrDefault(e => e.GetProperty("kind").GetString() == "paged") is { ValueKind: JsonValueKind.Object } e ? e.GetProperty("at").GetString() : null,
            "the page is on the timeline");
        Assert.Equal("2026-11-25T07:30:00Z", paged);

        // The warning at 12:00 (30 minutes ahead of 12:30), the breach just after 12:30; both to chris and on the timeline.
        await AdvanceToAsync(admin, "2026-11-25T10:59:00Z");
        await AdvanceToAsync(admin, "2026-11-25T11:00:00Z");
        var warning = await Poll.UntilAsync(() => Task.FromResult(Sms(twilio, Chris).Skip(1).FirstOrDefault()), "the pre-breach warning");
        Assert.Equal($"{waiting} P1 ACME B.V.: response due Wed 12:30. Not acknowledged yet.", warning);
        await AdvanceToAsync(admin, "2026-11-25T11:30:01Z");
        var breach = await Poll.UntilAsync(() => Task.FromResult(Sms(twilio, Chris).Skip(2).FirstOrDefault()), "the breach notice");
        Assert.Equal($"{waiting} P1 ACME B.V.: response SLA BREACHED (due Wed 12:30).", breach);
        var timeline = await TimelineAsync(admin, waiting);
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "sla-warning" && e.GetProperty("at").GetString() == "2026-11-25T11:00:00Z");
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "sla-breached");

        // The daily follow-up: 1 business day after the hours opened, Wed 17:00 Amsterdam; only the unresolved waiting ticket.
        var beforeReview = await ReviewsAsync(admin);
        await AdvanceToAsync(admin, "2026-11-25T16:00:00Z");
        var reviews = await Poll.UntilAsync(async () => await ReviewsAsync(admin) is { Length: 2 } due ? due : null, "both tickets are due for review");
        await HttpAssert.JsonAsync(await admin.PostAsync($"/api/v1/incidents/{answered}/resolve", null), HttpStatusCode.OK);
        var afterResolve = await ReviewsAsync(admin);

        Assert.Empty(beforeReview);
        Assert.Equal([waiting, answered], reviews.Select(r => r.GetProperty("caseNumber").GetString()));
        Assert.All(reviews, r => Assert.Equal("2026-11-25T16:00:00Z", r.GetProperty("dueAt").GetString()));
        Assert.Equal([waiting], afterResolve.Select(r => r.GetProperty("caseNumber").GetString()));
        Assert.Equal(3, Sms(twilio, Chris).Count);
        Assert.DoesNotContain(twilio.Requests, r => r.Form.GetValueOrDefault("Body")?.Contains(answered, StringComparison.Ordinal) == true);
        using var customer = await ClientAsync(admin, "customer", "acme");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/reviews")).StatusCode);
    }

    private static async Task<string> OpenAsync(HttpClient admin, string title)
    {
        var ticket = await HttpAssert.JsonAsync(
            await admin.PostAsJsonAsync("/api/v1/incidents", new { customer = "acme", system = "web", title, priority = "P1", reporter = "Jan", channel = "phone" }),
            HttpStatusCode.Created);
        return ticket.GetProperty("caseNumber").GetString()!;
    }

    private static async Task<List<JsonElement>> TimelineAsync(HttpClient admin, string caseNumber) =>
        [.. (await HttpAssert.JsonAsync(await admin.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK)).GetProperty("timeline").EnumerateArray()];

    private static async Task<JsonElement[]> ReviewsAsync(HttpClient admin) =>
        [.. (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/reviews"), HttpStatusCode.OK)).EnumerateArray()];

    private static async Task<HttpClient> ClientAsync(HttpClient admin, string role, string customer)
    {
        using var created = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = $"{role}-{Guid.NewGuid():N}", role, customer });
        var secret = (await HttpAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("secret").GetString()!;
        var client = new HttpClient { BaseAddress = admin.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task AdvanceToAsync(HttpClient admin, string to)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { to });
        Assert.True(response.IsSuccessStatusCode, $"clock advance answered {(int)response.StatusCode}");
    }

    private static List<string> Sms(FakeTwilioServer twilio, string phone) =>
        [.. twilio.Requests.Where(r => r.Path.EndsWith("/Messages.json", StringComparison.Ordinal) && r.Status == 201 && r.Form.GetValueOrDefault("To") == phone)
            .Select(r => r.Form["Body"])];

    private static MimeMessage Decoded(SmtpMessage message) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(message.Data)));

    private static string Config(Uri publicUrl, FakeTwilioServer twilio, int smtpPort) => ConfigBlocks.Document(
        ConfigBlocks.TwilioSmsServer(publicUrl, twilio, "+3197010000000"),
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(engineers: [.. ConfigBlocks.AnnaAndBram, ConfigBlocks.Engineer("chris", "Chris Smit", Chris)], groupWait: "0s")
            + "\n" + """    duty: { every: day, handover: "08:30", order: [chris], start: "2026-01-05" }""",
        customers: ConfigBlocks.AcmeCustomer(p1: ConfigBlocks.AcmeP1 + "\n      warnBefore: 30m", rest: """
                contacts:
                  - { name: Jan Jansen, email: jan@acme.example, notify: [opened, acknowledged] }
                followUp: { priorities: [P1], every: 1 business day }
                systems:
                  web: { name: Web shop, criticality: critical }
            """)) + "\n" + $$"""
        mail:
          smtp: { host: 127.0.0.1, port: {{smtpPort}}, tls: none }
          from: support@msp.example
          templates:
            opened:
              subject: "{customerName} — we opened {case}"
              text: |
                Ticket {case} ({priority}, {title}) is due by {responseDue}.
        """;
}
