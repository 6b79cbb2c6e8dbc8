using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using StandbyOps.IntegrationTests.Incidents;
using StandbyOps.IntegrationTests.Support;
using StandbyOps.IntegrationTests.Web;
using StandbyOps.Testing.Components;
using StandbyOps.Testing.Mail;
using StandbyOps.Testing.Server;
using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Desk;

/// <summary>
/// E-mail intake end to end against real components: Dovecot as the support mailbox (mails put there with IMAP
/// APPEND through MailKit), the server reading it over IMAP, and the acknowledgement going out over SMTP to a
/// recording SMTP server on loopback.
/// </summary>
public sealed partial class MailIntakeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Mail_from_a_contact_opens_a_ticket_replies_land_on_it_strangers_go_to_triage_and_a_restart_handles_nothing_twice()
    {
        await using var imap = await DovecotImap.StartAsync();
        await using var smtp = new FakeSmtpServer();
        using var directory = new TempDirectory();
        var config = directory.Write("standbyops.yaml", Config(imap.Port, smtp.Port));
        var environment = new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret, ["DESK_TEST_IMAP_PASSWORD"] = imap.Password };
        var data = directory.File("data");

        var server = await ServerProcess.StartAsync(config, data, environment);
        string caseNumber;
        try
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            await imap.AppendAsync([Mail("jan@acme.example", "Webshop shows error 500", "Since 09:12 every page fails.", ("screenshot.txt", 100), ("dump.bin", 5000))]);

            var ack = await smtp.WaitForAsync(m => m.Subject.Contains("We have received your report", StringComparison.Ordinal), Patience);
            caseNumber = CaseTag().Match(ack.Subject).Groups[1].Value;
            Assert.Matches(@"^2026-\d{6}$", caseNumber);
            Assert.Equal(["jan@acme.example"], ack.To);
            var body = MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(ack.Data)));
            Assert.Contains("We will respond by", body.TextBody, StringComparison.Ordinal);
            Assert.Contains(caseNumber, body.HtmlBody, StringComparison.Ordinal);

            var ticket = await IncidentAsync(admin, caseNumber);
            Assert.Equal("email", ticket.GetProperty("source").GetString());
            Assert.Equal("Webshop shows error 500", ticket.GetProperty("title").GetString());
            var due = ticket.GetProperty("responseDueAt").GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"We will respond by {due}", body.TextBody, StringComparison.Ordinal);
            var texts = Texts(ticket);
            Assert.Contains("Attachment kept: screenshot.txt (100 bytes)", texts);
            Assert.Contains("Attachment not kept: dump.bin (5000 bytes, over the 1000-byte limit)", texts);

            await imap.AppendAsync([Mail("jan@acme.example", $"Re: [{caseNumber}] We have received your report", "It works again after your restart.")]);
            await imap.AppendAsync([Mail("stranger@example.org", "Do you sell printers?", "Hello, we need 20 printers.")]);
            await EventuallyAsync(async () => Texts(await IncidentAsync(admin, caseNumber)).Any(t => t.Contains("It works again after your restart.", StringComparison.Ordinal)));
            await EventuallyAsync(async () => (await TriageAsync(admin)).Any(i => i.GetProperty("sender").GetString() == "stranger@example.org"));
            Assert.Equal(0, await server.TerminateAsync(Patience));
        }
        finally
        {
            await server.DisposeAsync();
        }

        // A restart (after a graceful stop; a crash may repeat a reply note, docs/desk.md) reads the mailbox again from the start: nothing handled before is handled twice, and a new mail
        // (handled after all older ones, in UID order) shows the intake has caught up.
        server = await ServerProcess.StartAsync(config, data, environment);
        await using (server)
        {
            using var admin = server.ClientWithToken(RunningServer.AdminSecret);
            await imap.AppendAsync([Mail("late@example.org", "After the restart", "Marker.")]);
            await EventuallyAsync(async () => (await TriageAsync(admin)).Any(i => i.GetProperty("sender").GetString() == "late@example.org"));

            var incidents = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK);
            Assert.Single(incidents.EnumerateArray(), i => i.GetProperty("source").GetString() == "email");
            Assert.Single(await TriageAsync(admin), i => i.GetProperty("sender").GetString() == "stranger@example.org");
            Assert.Single(Texts(await IncidentAsync(admin, caseNumber)), t => t.Contains("It works again after your restart.", StringComparison.Ordinal));
            Assert.Single(smtp.Messages, m => m.Subject.Contains("We have received your report", StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public async Task A_reload_starts_the_intake_moves_it_to_another_folder_and_stops_it()
    {
        await using var imap = await DovecotImap.StartAsync();
        await using var smtp = new FakeSmtpServer();
        using var directory = new TempDirectory();
        var withImap = Config(imap.Port, smtp.Port);
        var withoutImap = ImapLine().Replace(withImap, string.Empty);
        var config = directory.Write("standbyops.yaml", withoutImap);
        var environment = new Dictionary<string, string> { ["STANDBYOPS_ADMIN_TOKEN"] = RunningServer.AdminSecret, ["DESK_TEST_IMAP_PASSWORD"] = imap.Password };
        await using var server = await ServerProcess.StartAsync(config, directory.File("data"), environment);
        using var admin = server.ClientWithToken(RunningServer.AdminSecret);
        await imap.AppendAsync([Mail("jan@acme.example", "Waiting for the intake", "Sent before mail.imap was configured.")]);

        // Started without mail.imap: a reload that adds it starts the intake, and the waiting mail becomes a ticket.
        await ReloadAsync(admin, config, withImap);
        await EventuallyAsync(async () => (await EmailTicketsAsync(admin)).Contains("Waiting for the intake"));

        // A reload that removes it stops the intake; a mail arriving afterwards stays where it is.
        await ReloadAsync(admin, config, withoutImap);
        await EventuallyAsync(() => Task.FromResult(server.Output.Contains("a reload changed mail.imap, stopped", StringComparison.Ordinal)));
        await imap.AppendAsync([Mail("jan@acme.example", "While the intake is off", "Must not become a ticket.")]);

        // A reload that changes the folder reads the new folder only: its mail is handled, the one in INBOX is not.
        await CreateFolderAsync(imap, "Later");
        await ReloadAsync(admin, config, withImap.Replace("folder: INBOX", "folder: Later", StringComparison.Ordinal));
        await imap.AppendAsync([Mail("jan@acme.example", "In the new folder", "Read after the folder changed.")], "Later");
        await EventuallyAsync(async () => (await EmailTicketsAsync(admin)).Contains("In the new folder"));

        Assert.Equal(["In the new folder", "Waiting for the intake"], (await EmailTicketsAsync(admin)).Order(StringComparer.Ordinal));
        Assert.Contains("Mail intake is off: mail.imap is not configured", server.Output, StringComparison.Ordinal);
    }

    /// <summary>The web UI's configuration, with a contact at acme and the mailbox and SMTP server of this test.</summary>
    public static string Config(int imapPort, int smtpPort) =>
        TestConfigs.Minimal + """

            contacts:
              - { name: Jan Jansen, email: jan@acme.example, notify: [opened, resolved] }
            systems:
              web:
                name: ACME web shop
                criticality: medium
        """ + "\n" + IncidentServerBase.Globex + $$"""

        mail:
          imap: { host: 127.0.0.1, port: {{imapPort}}, tls: none, user: support, password: "${DESK_TEST_IMAP_PASSWORD}", folder: INBOX }
          smtp: { host: 127.0.0.1, port: {{smtpPort}}, tls: none }
          from: "ACME Support <support@msp.example>"
          maxAttachmentBytes: 1000
          pollEvery: 2s
        """;

    private static MimeMessage Mail(string from, string subject, string text, params (string Name, int Size)[] attachments)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@customer.example" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@msp.example"));
        var builder = new BodyBuilder { TextBody = text };
        foreach (var (name, size) in attachments)
        {
            builder.Attachments.Add(name, Enumerable.Repeat((byte)'x', size).ToArray());
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    private static async Task CreateFolderAsync(DovecotImap imap, string name)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(imap.User, imap.Password);
        await (await client.GetFolderAsync(client.PersonalNamespaces[0].Path)).CreateAsync(name, isMessageFolder: true);
        await client.DisconnectAsync(true);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> and reloads it; fails unless the server applied it.</summary>
    private static async Task ReloadAsync(HttpClient admin, string path, string content)
    {
        await File.WriteAllTextAsync(path, content);
        var reloaded = await HttpAssert.JsonAsync(await admin.PostAsync("/api/v1/admin/reload", null), HttpStatusCode.OK);
        Assert.True(reloaded.GetProperty("applied").GetBoolean(), reloaded.ToString());
    }

    /// <summary>The titles of the tickets opened from mail.</summary>
    private static async Task<List<string>> EmailTicketsAsync(HttpClient admin) =>
        [.. (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/incidents"), HttpStatusCode.OK)).EnumerateArray()
            .Where(i => i.GetProperty("source").GetString() == "email").Select(i => i.GetProperty("title").GetString()!)];

    internal static async Task<JsonElement> IncidentAsync(HttpClient admin, string caseNumber) =>
        await HttpAssert.JsonAsync(await admin.GetAsync($"/api/v1/incidents/{caseNumber}"), HttpStatusCode.OK);

    internal static async Task<List<JsonElement>> TriageAsync(HttpClient admin) =>
        (await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/triage"), HttpStatusCode.OK)).EnumerateArray().ToList();

    internal static List<string> Texts(JsonElement incident) =>
        incident.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();

    /// <summary>Waits for another process (Dovecot, the server's intake) to get there; fails after <see cref="Patience"/>.</summary>
    internal static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    [GeneratedRegex(@"\[(\d{4}-\d{6})\]")]
    private static partial Regex CaseTag();

    [GeneratedRegex(@"^ *imap: .*\n", RegexOptions.Multiline)]
    private static partial Regex ImapLine();
}
