using StandbyOps.Testing.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>A configuration whose customers have no recurring standby, so only POSTed one-off periods are agreed.</summary>
public static class BillingConfigs
{
    /// <summary>The customers of the worked examples, one per example so their periods never merge.</summary>
    public static readonly string[] Customers = ["weekend", "night", "callout", "xmas", "dst", "checks", "export", "late"];

    /// <summary>A customer with weekend standby, so the rota has agreed periods of its own.</summary>
    private const string Payroll = """
          payroll:
            name: Payroll B.V.
            calendar: nl-office
            rateCard: standard
            team: ops-nl
            sla:
              P1: { response: 4 business hours }
            standby:
              coverage: [weekends]
        """;

    /// <summary>€<paramref name="hourlyRate"/>/h, Europe/Amsterdam, NL holidays, the DOMAIN.md rate card.</summary>
    public static string WithRate(string hourlyRate) => ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(hourlyRate),
        teams: ConfigBlocks.OpsNlTeam(),
        customers: Payroll + "\n" + string.Concat(Customers.Select(Customer)));

    private static string Customer(string id) => $"""
          {id}:
            name: {id} B.V.
            calendar: nl-office
            rateCard: standard
            sla:
              P1: {"{"} response: 4 business hours {"}"}

        """;
}
