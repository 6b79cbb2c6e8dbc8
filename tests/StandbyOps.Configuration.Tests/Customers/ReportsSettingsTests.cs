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
}
