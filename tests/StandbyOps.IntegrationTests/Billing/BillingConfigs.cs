namespace StandbyOps.IntegrationTests.Billing;

/// <summary>A configuration whose customers have no recurring standby, so only POSTed one-off periods are agreed.</summary>
public static class BillingConfigs
{
    /// <summary>The customers of the worked examples, one per example so their periods never merge.</summary>
    public static readonly string[] Customers = ["weekend", "night", "callout", "xmas", "dst", "checks", "export"];

    /// <summary>€<paramref name="hourlyRate"/>/h, Europe/Amsterdam, NL holidays, the DOMAIN.md rate card.</summary>
    public static string WithRate(string hourlyRate) =>
        $$"""
        server:
          publicUrl: http://127.0.0.1:8080
        sms:
          provider: log
        calendars:
          nl-office:
            timeZone: Europe/Amsterdam
            hours:
              mon-fri: "08:30-17:00"
            holidays: [NL]
        rateCards:
          standard:
            currency: EUR
            hourlyRate: {{hourlyRate}}
            vatPercent: 21
            holiday: { percent: 100, minimumHours: 8 }
            weekend: { days: [sat, sun], from: "08:30", to: "18:00", percent: 50, minimumHours: 4 }
            night:   { from: "18:00", to: "08:30", percent: 100, minimumHours: 2 }
            callout: { percent: 100, minimumHours: 1 }
        teams:
          ops-nl:
            timeZone: Europe/Amsterdam
            engineers:
              anna: { name: Anna de Vries, phone: "+31612345678" }
              bram: { name: Bram Jansen, phone: "+31623456789" }
            rotation: { every: week, handover: "mon 08:30", order: [anna, bram], start: "2026-01-05" }
            escalation:
              - { after: 0m, notify: onCall }
        customers:
          payroll:
            name: Payroll B.V.
            calendar: nl-office
            rateCard: standard
            team: ops-nl
            sla:
              P1: { response: 4 business hours }
            standby:
              coverage: [weekends]
        {{string.Concat(Customers.Select(Customer))}}
        """;

    private static string Customer(string id) => $"""
          {id}:
            name: {id} B.V.
            calendar: nl-office
            rateCard: standard
            sla:
              P1: {"{"} response: 4 business hours {"}"}

        """;
}
