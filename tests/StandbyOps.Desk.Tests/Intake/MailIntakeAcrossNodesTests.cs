using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.Intake;
using StandbyOps.Desk.Tickets;
using StandbyOps.Incidents.Desk;
using StandbyOps.Storage.Database;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Mail;
using StandbyOps.Testing.Support;

namespace StandbyOps.Desk.Tests.Intake;

/// <summary>
/// Two nodes (each the desk as the server wires it, with its own <see cref="PostgresDatabase"/> handle and its own
/// <see cref="MailIntakeService"/>) over one real PostgreSQL database read one real Dovecot mailbox at the same time.
/// </summary>
public sealed class MailIntakeAcrossNodesTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 14, 0);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Two_nodes_reading_one_mailbox_handle_each_mail_exactly_once_and_add_no_reply_twice()
    {
        var postgres = await PostgresServer.SharedAsync();
        await using var imap = await DovecotImap.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("intake");
        var handled = new ConcurrentQueue<(int Node, string Line)>();
        await using var first = await NodeAsync(1, connectionString, imap, handled);
        await using var second = await NodeAsync(2, connectionString, imap, handled);
        var opening = await first.Services.GetRequiredService<TicketDesk>().OpenAsync(
            new NewTicket("acme", "web", "Shop down", "", Priority.P1, "Jan", "jan@acme.example", TicketChannel.Phone), Actor.OfDesk("petra"));
        var caseNumber = opening.Incident!.CaseNumber;

        // 30 mails, each with an attachment (kept without a dedup key of its own, so a second handling would show):
        // 10 replies to the case, 10 new reports from the contact, 10 from strangers. Half are there before the
        // intakes start, half arrive while both idle on the mailbox.
        var mails = Enumerable.Range(0, 30).Select(i => (i % 3) switch
        {
            0 => IntakeMails.Numbered(i, "jan@acme.example", $"Re: [{caseNumber}] Shop down", $"Reply {i}."),
            1 => IntakeMails.Numbered(i, "jan@acme.example", $"New problem {i}", $"Report {i}."),
            _ => IntakeMails.Numbered(i, $"stranger{i}@example.org", $"Question {i}", $"Hello {i}."),
        }).ToList();
        await imap.AppendAsync(mails.Take(15));
        var intakes = new[] { Intake(first), Intake(second) };
        await Task.WhenAll(intakes.Select(s => s.StartAsync(CancellationToken.None)));
        try
        {
            await imap.AppendAsync(mails.Skip(15));
            await EventuallyAsync(async () => await CountAsync(first, "SELECT COUNT(*) FROM desk_mail_seen") == 30);
        }
        finally
        {
            await Task.WhenAll(intakes.Select(s => s.StopAsync(CancellationToken.None)));
        }

        var notes = (await first.Incidents.GetAsync(caseNumber))!.Timeline.Select(e => e.Text).Where(t => t.StartsWith("Mail from", StringComparison.Ordinal));
        Assert.Equal(
            Enumerable.Range(0, 30).Where(i => i % 3 == 0).Select(i => $"Mail from jan@acme.example: Re: [{caseNumber}] Shop down\n\nReply {i}.").Order(StringComparer.Ordinal),
            notes.Order(StringComparer.Ordinal));
        Assert.Equal(10, (await first.Incidents.ListAsync(IncidentFilter.All)).Count(i => i.Title.StartsWith("New problem", StringComparison.Ordinal)));
        Assert.Equal(10, (await first.Services.GetRequiredService<TriageQueue>().ListAsync(null)).Count);
        Assert.Equal(30, await CountAsync(first, "SELECT COUNT(DISTINCT message_id) FROM desk_attachments"));
        Assert.Equal(30, await CountAsync(first, "SELECT COUNT(*) FROM desk_attachments"));
        Assert.Equal(0, await CountAsync(first, "SELECT COUNT(*) FROM desk_mail_claims"));
        // Every UID was handled (not skipped, not left to the other node) by exactly one of the two nodes.
        var byUid = handled.Where(h => !h.Line.EndsWith(": handled by another node", StringComparison.Ordinal) && !h.Line.EndsWith(": skipped", StringComparison.Ordinal))
            .GroupBy(h => h.Line[..h.Line.IndexOf(':', StringComparison.Ordinal)]).ToList();
        Assert.Equal(30, byUid.Count);
        Assert.All(byUid, g => Assert.Single(g));
    }

    private static async Task<DeskHarness> NodeAsync(int node, string connectionString, DovecotImap imap, ConcurrentQueue<(int, string)> handled) =>
        await DeskHarness.StartAsync(Yaml(imap), At, s =>
        {
            s.AddSingleton<IDatabase>(_ => new PostgresDatabase(connectionString + ";Maximum Pool Size=10;Timeout=60"));
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new HandledMails(node, handled)));
        });

    private static MailIntakeService Intake(DeskHarness node) => node.Services.GetServices<IHostedService>().OfType<MailIntakeService>().Single();

    private static Task<long> CountAsync(DeskHarness node, string sql) =>
        node.Services.GetRequiredService<IDatabase>().ReadAsync(c => c.ExecuteScalarAsync<long>(sql));

    private static string Yaml(DovecotImap imap) => ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(escalation: [ConfigBlocks.OnCallStep]),
        customers: ConfigBlocks.AcmeCustomer() + """

            contacts:
              - { name: Jan Jansen, email: jan@acme.example, notify: [opened] }
            systems:
              web: { name: Web shop, criticality: critical }
        """) + "\n" + string.Create(CultureInfo.InvariantCulture, $$"""
        mail:
          imap: { host: 127.0.0.1, port: {{imap.Port}}, tls: none, user: {{imap.User}}, password: {{imap.Password}}, folder: INBOX }
          smtp: { host: 127.0.0.1, port: 2525, tls: none }
          from: support@msp.example
          pollEvery: 2s
        """);

    /// <summary>Waits for the intakes (reading Dovecot over IMAP) to get there; fails after <see cref="Patience"/>.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    /// <summary>Keeps the intake's "Mail UID {uid}: {outcome}" lines, by node.</summary>
    private sealed class HandledMails(int node, ConcurrentQueue<(int, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(MailIntakeService).FullName ? new Logger(node, lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(int node, ConcurrentQueue<(int, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = formatter(state, exception);
                if (text.StartsWith("Mail UID ", StringComparison.Ordinal))
                {
                    lines.Enqueue((node, text["Mail UID ".Length..]));
                }
            }
        }
    }
}
