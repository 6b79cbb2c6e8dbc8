namespace StandbyOps.Configuration.Tests.Customers;

/// <summary><c>reports: { contacts: [...] }</c>: who gets a customer's monthly SLA report by mail.</summary>
public sealed class ReportsSettingsTests
{
    [Fact]
    public void Report_contacts_are_read_once_each()
    {
        var acme = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                reports: { contacts: [jan@acme.example, "Els <els@acme.example>", JAN@acme.example] }
            """).Valid().Customers["acme"];

        Assert.Equal(["jan@acme.example", "Els <els@acme.example>"], acme.Reports!.Contacts);
    }

    [Fact]
    public void Without_reports_nobody_gets_the_mail()
    {
        var acme = Loading.Load(Loading.PreambleWithSystem + "            name: Web\n").Valid().Customers["acme"];

        Assert.Null(acme.Reports);
    }

    [Fact]
    public void A_contact_that_is_not_a_mail_address_is_an_error_at_its_line()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                reports:
                  contacts:
                    - jan@acme.example
                    - Jan Jansen
            """);

        result.SingleError().AssertAt(15, ["invalid contacts 'Jan Jansen'"], []);
        Assert.StartsWith("standbyops.yaml:15:", result.SingleError().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_without_contacts_or_with_an_unknown_key_are_errors_at_their_line()
    {
        var errors = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                reports: { to: [jan@acme.example] }
            """).Errors.ToList();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(12, e.Line));
        Assert.Contains(errors, e => e.Message.Contains("unknown key 'to'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("missing 'contacts'", StringComparison.Ordinal) && e.Fix.Contains("jan@acme.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_contacts_without_mail_smtp_are_a_warning_at_reports_and_none_with_it()
    {
        const string Reports = """
                    name: Web
                reports: { contacts: [jan@acme.example] }

            """;

        var without = Loading.Load(Loading.PreambleWithSystem + Reports);
        var with = Loading.Load(Loading.PreambleWithSystem + Reports + """
            mail: { from: desk@msp.example, smtp: { host: smtp.msp.example } }
            """);

        without.SingleWarning().AssertAt(12, ["reports.contacts of customer 'acme'", "mail.smtp is not set", "wait in the outbox"], ["smtp: { host:", "or remove reports"]);
        Assert.NotNull(without.Config);
        Assert.Empty(with.Diagnostics);
    }

    [Fact]
    public void A_contact_notified_by_mail_without_mail_smtp_is_a_warning_at_its_notify()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    name: Web
                contacts:
                  - { name: Jan, email: jan@acme.example, portal: true }
                  - { name: Els, email: els@acme.example, notify: [opened] }
            """);

        result.SingleWarning().AssertAt(14, ["contact els@acme.example of customer 'acme'", "notified by mail", "mail.smtp is not set"], ["or remove notify"]);
    }
}
