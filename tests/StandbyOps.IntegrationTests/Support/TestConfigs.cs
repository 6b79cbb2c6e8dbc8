namespace StandbyOps.IntegrationTests.Support;

/// <summary>Small, valid configurations for tests that need a server but no monitoring.</summary>
public static class TestConfigs
{
    /// <summary>One customer (<c>acme</c>) with a calendar, rate card and team, and no checks.</summary>
    public const string Minimal = """
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
            hourlyRate: 100.00
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
              - { after: 10m, notify: backup }
        customers:
          acme:
            name: ACME B.V.
            calendar: nl-office
            rateCard: standard
            team: ops-nl
            sla:
              P1: { response: 4 business hours, resolution: 2 business days }
              P2: { response: 8 business hours }
              P3: { response: 2 business days }
              P4: { response: 4 business days }
            standby:
              coverage: [nights, weekends, holidays]
              responseWithin: 30m
        """;
}
