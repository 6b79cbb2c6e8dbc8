using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.Mail;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Testing.Support;

namespace StandbyOps.Desk.Tests.Mail;

/// <summary>Periodic customer updates (smartwork) on a clock the test moves: every 2 h from opening while open, none after resolution.</summary>
public sealed class PeriodicUpdateTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 11, 20, 14, 0);

    /// <summary>acme with a contact that wants updates and resolutions, updates for P1 and P2 every 2 h, and an SMTP server that is never reached.</summary>
    public static readonly string Yaml = ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(escalation: [ConfigBlocks.OnCallStep]),
        customers: ConfigBlocks.AcmeCustomer() + """

            contacts:
              - { name: Jan Jansen, email: jan@acme.example, notify: [opened, updates, resolved] }
              - { name: Piet, email: piet@acme.example, notify: [resolved] }
            updates: { priorities: [P1, P2], every: 2h }
            systems:
              web: { name: Web shop, criticality: critical }
        """) + "\n" + """
        mail:
          smtp: { host: 127.0.0.1, port: 2525, tls: none }
          from: support@msp.example
        """;

    [Fact]
    public async Task A_P1_gets_updates_at_2h_and_4h_from_opening_and_none_after_resolution()
    {
        await using var desk = await DeskHarness.StartAsync(Yaml, Opened);
        var tickets = (TicketDesk)desk.Services.GetService(typeof(TicketDesk))!;
        var outbox = (MailOutbox)desk.Services.GetService(typeof(MailOutbox))!;
        var opening = await tickets.OpenAsync(new NewTicket("acme", "web", "Shop down", "", Priority.P1, "Jan", null, TicketChannel.Phone), Actor.OfDesk("petra"));
        var caseNumber = opening.Incident!.CaseNumber;

        await desk.AdvanceToAsync(Opened + Duration.FromMinutes(119));
        var before = Updates(await outbox.ListAsync(100));
        await desk.AdvanceToAsync(Opened + Duration.FromHours(2));
        var first = Updates(await outbox.ListAsync(100));
        await desk.AdvanceToAsync(Opened + Duration.FromHours(4));
        var second = Updates(await outbox.ListAsync(100));
        await desk.Incidents.ResolveAsync(caseNumber, Actor.OfEngineer("anna"), Via.Api);
        await desk.AdvanceToAsync(Opened + Duration.FromHours(12));
        var after = await outbox.ListAsync(100);

        Assert.Empty(before);
        Assert.Equal([(Opened + Duration.FromHours(2), "[" + caseNumber + "] Status update 1: Shop down")], first);
        Assert.Equal([Opened + Duration.FromHours(2), Opened + Duration.FromHours(4)], second.Select(u => u.At));
        Assert.Equal(2, Updates(after).Count);
        Assert.All(after.Where(e => e.Mail.Notice == "updates"), e => Assert.Equal(["jan@acme.example"], e.Mail.To));
        var resolved = Assert.Single(after, e => e.Mail.Notice == "resolved");
        Assert.Equal(["jan@acme.example", "piet@acme.example"], resolved.Mail.To);
        var opened = Assert.Single(after, e => e.Mail.Notice == "opened");
        Assert.Contains("We will respond by", opened.Mail.Text, StringComparison.Ordinal);
        Assert.Contains("<table>", opened.Mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_P3_gets_no_periodic_update()
    {
        await using var desk = await DeskHarness.StartAsync(Yaml, Opened);
        var tickets = (TicketDesk)desk.Services.GetService(typeof(TicketDesk))!;
        var outbox = (MailOutbox)desk.Services.GetService(typeof(MailOutbox))!;
        await tickets.OpenAsync(new NewTicket("acme", "web", "Typo on page", "", Priority.P3, "Jan", null, TicketChannel.Phone), Actor.OfDesk("petra"));

        await desk.AdvanceToAsync(Opened + Duration.FromHours(9));

        Assert.Empty(Updates(await outbox.ListAsync(100)));
    }

    private static List<(Instant At, string Subject)> Updates(IReadOnlyList<OutboxEntry> outbox) =>
        outbox.Where(e => e.Mail.Notice == "updates").OrderBy(e => e.CreatedAt).Select(e => (e.CreatedAt, e.Mail.Subject)).ToList();
}
