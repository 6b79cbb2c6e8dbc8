using NodaTime;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.Mail;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Tests.Mail;

public sealed class MailSectionTests
{
    [Fact]
    public void Without_mail_there_is_no_intake_and_no_mail()
    {
        var config = Loading.Load(Loading.Preamble).Valid();

        Assert.Null(config.Mail);
    }

    [Fact]
    public void The_mail_section_reads_servers_with_secrets_from_the_environment_and_defaults()
    {
        var config = Loading.Load(Loading.Preamble + """
            mail:
              imap: { host: imap.example.net, user: support@example.net, password: "${IMAP_PASSWORD}" }
              smtp: { host: smtp.example.net, port: 25, tls: none }
              from: "Example MSP <support@example.net>"
            """, new Dictionary<string, string> { ["IMAP_PASSWORD"] = "s3cret" }).Valid();

        var mail = Assert.IsType<MailConfig>(config.Mail);
        Assert.Equal(new MailServerConfig("imap.example.net", 993, MailTls.Tls, "support@example.net", "s3cret", "INBOX"), mail.Imap);
        Assert.Equal(new MailServerConfig("smtp.example.net", 25, MailTls.None, null, null, "INBOX"), mail.Smtp);
        Assert.Equal(MailConfig.DefaultMaxAttachmentBytes, mail.MaxAttachmentBytes);
        Assert.Equal(Duration.FromMinutes(1), mail.PollEvery);
        Assert.DoesNotContain("s3cret", mail.Imap!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_without_a_password_is_an_error_at_its_line()
    {
        var result = Loading.Load(Loading.Preamble + """
            mail:
              smtp: { host: smtp.example.net, user: support@example.net }
              from: support@example.net
            """);

        result.SingleError().AssertAt(6, ["has a user but no password"], ["${MAIL_PASSWORD}"]);
    }

    [Fact]
    public void Contacts_and_updates_are_read_and_a_wrong_notice_or_address_is_an_error_at_its_line()
    {
        var config = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                contacts:
                  - { name: Jan, email: jan@acme.example, notify: [opened, updates] }
                updates: { priorities: [P1, P2], every: 2h }
            """).Valid();
        var acme = config.Customers["acme"];
        Assert.Equal([new ContactConfig("Jan", "jan@acme.example", null, ["opened", "updates"], false)], acme.Contacts!.Select(c => c with { Notify = [.. c.Notify] }).ToList(), new ContactComparer());
        Assert.Equal(Duration.FromHours(2), acme.Updates!.Every);
        Assert.Equal([Priority.P1, Priority.P2], acme.Updates.Priorities);

        var wrong = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                contacts:
                  - { name: Jan, email: jan@acme.example, notify: [opend] }
                  - { name: Piet, email: not-an-address }
            """);
        Assert.Equal([13, 14], wrong.Errors.Select(e => e.Line));
        Assert.Contains("did you mean 'opened'?", wrong.Errors.First().Fix, StringComparison.Ordinal);
    }

    private sealed class ContactComparer : IEqualityComparer<ContactConfig>
    {
        public bool Equals(ContactConfig? x, ContactConfig? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Email == y.Email && x.Phone == y.Phone && x.Portal == y.Portal && x.Notify.SequenceEqual(y.Notify);

        public int GetHashCode(ContactConfig obj) => obj.Email.GetHashCode(StringComparison.Ordinal);
    }
}
