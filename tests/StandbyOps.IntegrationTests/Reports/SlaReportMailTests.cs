using System.Net;
using System.Net.Http.Json;
using MimeKit;
using StandbyOps.IntegrationTests.Billing;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.Testing.Mail;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Reports;

/// <summary>
/// The monthly SLA report mail through the real server on virtual time and an SMTP server on loopback: acme's two
/// report contacts get the report of a month on the 1st at 06:00 Amsterdam, the PDF attached, exactly once each,
/// across restarts (graceful stops: a crash may repeat the mail in flight), and a month change that passed while no
/// server ran is mailed at the next start.
/// </summary>
public sealed class SlaReportMailTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Contacts = ["jan@acme.example", "els@acme.example"];

    [Fact]
    public async Task Each_report_contact_gets_one_mail_per_month_on_the_1st_at_0600_across_restarts_and_a_missed_one_at_start()
    {
        await using var smtp = new FakeSmtpServer();
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", Config(smtp.Port));

        // Run 1: November; the clock passes 1 Dec 06:00 Amsterdam (05:00Z).
        await using (var server = await StartAsync(config, directory, "2026-11-30T12:00:00Z"))
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            await AdvanceToAsync(admin, "2026-12-01T04:59:00Z");
            await AdvanceToAsync(admin, "2026-12-01T05:00:00Z");
            var november = await MailsAsync(smtp, "2026-11", Contacts.Length);
            var outbox = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/mail/outbox"), HttpStatusCode.OK);
            Assert.All(outbox.EnumerateArray().Where(m => m.GetProperty("notice").GetString() == "sla-report"),
                m => Assert.Equal("2026-12-01T05:00:00Z", m.GetProperty("createdAt").GetString()));

            var mail = Decoded(november[0]);
            Assert.Equal("SLA report 2026-11 — ACME B.V.", mail.Subject);
            Assert.Contains("http://127.0.0.1:8080/reports/sla?customer=acme&month=2026-11", mail.TextBody, StringComparison.Ordinal);
            var pdf = Assert.Single(mail.Attachments.OfType<MimePart>());
            Assert.Equal("sla-acme-2026-11.pdf", pdf.FileName);
            Assert.Equal("application/pdf", pdf.ContentType.MimeType);
            using var content = new MemoryStream();
            await pdf.Content!.DecodeToAsync(content);
            Assert.Contains("SLA report 2026-11 · ACME B.V.", PayableInvoiceServer.PdfText(content.ToArray()), StringComparison.Ordinal);
            Assert.Equal(0, await server.TerminateAsync(StopTimeout));
        }

        // Run 2: a restart in December sends November again to nobody; the clock passes 1 Jan 06:00 Amsterdam.
        await using (var server = await StartAsync(config, directory, "2026-12-01T06:00:00Z"))
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            await AdvanceToAsync(admin, "2027-01-01T05:00:00Z");
            await MailsAsync(smtp, "2026-12", Contacts.Length);
            Assert.Equal(0, await server.TerminateAsync(StopTimeout));
        }

        // Run 3: no server ran on 1 Feb; January's mail goes out at the start.
        await using (var server = await StartAsync(config, directory, "2027-02-03T09:00:00Z"))
        {
            await MailsAsync(smtp, "2027-01", Contacts.Length);
        }

        foreach (var month in new[] { "2026-11", "2026-12", "2027-01" })
        {
            var recipients = smtp.Messages.Where(m => Decoded(m).Subject == $"SLA report {month} — ACME B.V.").SelectMany(m => m.To).Order(StringComparer.Ordinal);
            Assert.Equal(Contacts.Order(StringComparer.Ordinal), recipients);
        }
    }

    [Fact]
    public async Task Mails_the_smtp_server_holds_at_a_graceful_stop_are_finished_and_not_sent_again_after_the_restart()
    {
        await using var smtp = new FakeSmtpServer();
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", Config(smtp.Port));

        // The SMTP server takes November's two mails but holds its answers: the stop comes while both are in flight.
        await using (var server = await StartAsync(config, directory, "2026-11-30T12:00:00Z"))
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            smtp.HoldAnswers();
            await AdvanceToAsync(admin, "2026-12-01T05:00:00Z");
            await MailsAsync(smtp, "2026-11", Contacts.Length);
            var stopped = server.TerminateAsync(StopTimeout);
            await Poll.UntilAsync(() => Task.FromResult(server.Output.Contains("Stopping: waiting up to 20 s for", StringComparison.Ordinal)), "the relay waiting for the mails in flight", Patience);
            smtp.ReleaseAnswers();
            Assert.Equal(0, await stopped);
            Assert.DoesNotContain("are cut off", server.Output, StringComparison.Ordinal);
        }

        // After the restart the outbox has both sent in the first run, and December's mails show the relay has run since.
        await using (var server = await StartAsync(config, directory, "2026-12-01T06:00:00Z"))
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            var outbox = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/mail/outbox"), HttpStatusCode.OK);
            var november = outbox.EnumerateArray().Where(m => m.GetProperty("subject").GetString() == "SLA report 2026-11 — ACME B.V.").ToList();
            Assert.Equal(Contacts.Length, november.Count);
            Assert.All(november, m =>
            {
                Assert.Equal("2026-12-01T05:00:00Z", m.GetProperty("sentAt").GetString());
                Assert.Equal(1, m.GetProperty("attempts").GetInt32());
            });
            await AdvanceToAsync(admin, "2027-01-01T05:00:00Z");
            await MailsAsync(smtp, "2026-12", Contacts.Length);
            Assert.Equal(Contacts.Length, smtp.Messages.Count(m => Decoded(m).Subject == "SLA report 2026-11 — ACME B.V."));
        }
    }

    [Fact]
    public async Task Report_contacts_added_by_a_reload_get_the_month_and_removed_by_one_get_nothing_more()
    {
        await using var smtp = new FakeSmtpServer();
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", Config(smtp.Port, reports: false));
        await using var server = await StartAsync(config, directory, "2026-11-30T12:00:00Z");
        using var admin = server.ClientWithToken(RunningServer.AdminSecret);
        Assert.DoesNotContain("Scheduled the SLA report mail", server.Output, StringComparison.Ordinal);

        // A reload gives acme report contacts: November is scheduled at once (in November), not at the next start.
        await ReloadAsync(admin, config, Config(smtp.Port, reports: true));
        await Poll.UntilAsync(() => Task.FromResult(server.Output.Contains("Scheduled the SLA report mail of 1 customer months", StringComparison.Ordinal)), "November scheduled by the reload");
        await AdvanceToAsync(admin, "2026-12-01T05:00:00Z");
        await MailsAsync(smtp, "2026-11", Contacts.Length);

        // A reload takes the contacts away again: December's report, due 1 Jan, is mailed to nobody.
        await ReloadAsync(admin, config, Config(smtp.Port, reports: false));
        await AdvanceToAsync(admin, "2027-01-01T05:00:00Z");
        await Poll.UntilAsync(() => Task.FromResult(server.Output.Contains("SLA report of acme for 2026-12 not mailed: the customer has no report contacts now", StringComparison.Ordinal)), "December skipped");
        Assert.Equal(Contacts.Length, smtp.Messages.Count(m => Decoded(m).Subject?.StartsWith("SLA report", StringComparison.Ordinal) == true));
    }

    private static async Task ReloadAsync(HttpClient admin, string path, string config)
    {
        await File.WriteAllTextAsync(path, config);
        using var response = await admin.PostAsync("/api/v1/admin/reload", null);
        Assert.True((await HttpAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("applied").GetBoolean());
    }

    private static Task<ServerProcess> StartAsync(string config, TempDirectory directory, string virtualTime) =>
        ServerProcess.StartAsync(config, directory.File("data"), new Dictionary<string, string>
        {
            ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret,
            ["STANDBYOPS_VIRTUAL_TIME"] = virtualTime,
        });

    private static async Task<List<SmtpMessage>> MailsAsync(FakeSmtpServer smtp, string month, int count)
    {
        var subject = $"SLA report {month} — ACME B.V.";
        await Poll.UntilAsync(() => Task.FromResult(smtp.Messages.Count(m => Decoded(m).Subject == subject) >= count), $"{count} mails '{subject}'", Patience);
        return [.. smtp.Messages.Where(m => Decoded(m).Subject == subject)];
    }

    private static async Task AdvanceToAsync(HttpClient admin, string to)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/clock/advance", new { to });
        Assert.True(response.IsSuccessStatusCode, $"clock advance answered {(int)response.StatusCode}");
    }

    private static MimeMessage Decoded(SmtpMessage message) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(message.Data)));

    private static string Config(int smtpPort, bool reports = true) => ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(),
        teams: ConfigBlocks.OpsNlTeam(),
        customers: ConfigBlocks.AcmeCustomer(rest: ConfigBlocks.AcmeStandby + (reports ? "\n    reports: { contacts: [jan@acme.example, els@acme.example] }" : string.Empty))) + "\n" + $$"""
        mail:
          smtp: { host: 127.0.0.1, port: {{smtpPort}}, tls: none }
          from: support@msp.example
        """;
}
