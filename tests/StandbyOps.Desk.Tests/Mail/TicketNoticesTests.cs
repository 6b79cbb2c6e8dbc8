using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.Mail;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Observers;
using StandbyOps.Testing.Support;

namespace StandbyOps.Desk.Tests.Mail;

/// <summary>Customer notices are written in the desk's transaction of the change that causes them: both commit, or neither.</summary>
public sealed class TicketNoticesTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 11, 20, 14, 0);

    [Fact]
    public async Task A_change_that_rolls_back_leaves_no_notice_and_one_that_commits_has_its_mail_already()
    {
        var failing = new FailOnAcknowledge();
        await using var desk = await DeskHarness.StartAsync(Yaml, Opened, s => s.AddSingleton<IIncidentTransactionObserver>(failing));
        var caseNumber = await OpenAsync(desk);

        await Assert.ThrowsAsync<InvalidOperationException>(() => desk.Incidents.AcknowledgeAsync(caseNumber, Actor.OfEngineer("anna"), Via.Web));
        var afterRollback = await NoticesAsync(desk);
        var stateAfterRollback = (await desk.Incidents.GetAsync(caseNumber))!.Incident.State;
        failing.Enabled = false;
        await desk.Incidents.AcknowledgeAsync(caseNumber, Actor.OfEngineer("anna"), Via.Web);
        var afterCommit = await NoticesAsync(desk);

        Assert.Equal(IncidentState.Open, stateAfterRollback);
        Assert.Equal(["opened"], afterRollback);
        Assert.Equal(["opened", "acknowledged"], afterCommit);
    }

    [Fact]
    public async Task A_staff_note_marked_public_is_mailed_and_an_internal_note_or_a_customer_comment_is_not()
    {
        await using var desk = await DeskHarness.StartAsync(Yaml, Opened);
        var caseNumber = await OpenAsync(desk);

        await desk.Incidents.AddNoteAsync(caseNumber, Actor.OfDesk("petra"), "We restart the shop at 16:00.", isPublic: true);
        await desk.Incidents.AddNoteAsync(caseNumber, Actor.OfDesk("petra"), "Internal: restart needs approval.", isPublic: false);
        await desk.Incidents.AddNoteAsync(caseNumber, Actor.OfCustomer("acme"), "Thanks, we wait.", isPublic: true);

        var outbox = await Outbox(desk).ListAsync(100);
        var note = Assert.Single(outbox, e => e.Mail.Notice == "public-notes");
        Assert.Contains("We restart the shop at 16:00.", note.Mail.Text, StringComparison.Ordinal);
        Assert.Equal(["kees@acme.example"], note.Mail.To);
    }

    [Fact]
    public async Task Closing_an_unresolved_ticket_mails_the_resolution_and_the_closure()
    {
        await using var desk = await DeskHarness.StartAsync(Yaml, Opened);
        var caseNumber = await OpenAsync(desk);

        await desk.Incidents.CloseAsync(caseNumber, Actor.OfDesk("petra"));

        Assert.Equal(["opened", "resolved"], await NoticesAsync(desk)); // jan and piet want resolutions; nobody wants closures
    }

    /// <summary>acme with jan (opened, updates, resolved), piet (resolved) and kees (acknowledged, public notes), and an SMTP server that is never reached.</summary>
    private static readonly string Yaml = ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(escalation: [ConfigBlocks.OnCallStep]),
        customers: ConfigBlocks.AcmeCustomer() + """

            contacts:
              - { name: Jan Jansen, email: jan@acme.example, notify: [opened, updates, resolved] }
              - { name: Piet, email: piet@acme.example, notify: [resolved] }
              - { name: Kees, email: kees@acme.example, notify: [acknowledged, public-notes] }
            systems:
              web: { name: Web shop, criticality: critical }
        """) + "\n" + """
        mail:
          smtp: { host: 127.0.0.1, port: 2525, tls: none }
          from: support@msp.example
        """;

    private static MailOutbox Outbox(DeskHarness desk) => desk.Services.GetRequiredService<MailOutbox>();

    private static async Task<string> OpenAsync(DeskHarness desk)
    {
        var tickets = desk.Services.GetRequiredService<TicketDesk>();
        var opening = await tickets.OpenAsync(new NewTicket("acme", "web", "Shop down", "", Priority.P1, "Jan", null, TicketChannel.Phone), Actor.OfDesk("petra"));
        return opening.Incident!.CaseNumber;
    }

    private static async Task<List<string>> NoticesAsync(DeskHarness desk) =>
        [.. (await Outbox(desk).ListAsync(100)).OrderBy(e => e.CreatedAt).ThenBy(e => e.Mail.Notice == "opened" ? 0 : 1).Select(e => e.Mail.Notice)];

    /// <summary>An in-transaction observer after the notices that fails acknowledgements, as a store error would.</summary>
    private sealed class FailOnAcknowledge : IIncidentTransactionObserver
    {
        public bool Enabled { get; set; } = true;

        public Task OnChangeAsync(DbConnection connection, DbTransaction transaction, IncidentTransition transition, CancellationToken cancellationToken) =>
            Enabled && transition.Kind == IncidentChangeKind.Acknowledged ? throw new InvalidOperationException("store failed") : Task.CompletedTask;
    }
}
