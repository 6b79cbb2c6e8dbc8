using NodaTime;
using StandbyOps.Configuration;

namespace StandbyOps.Incidents.Tests.Support;

/// <summary>
/// Contracts for the desk tests. <c>acme</c>: Mon–Fri 08:30–17:00 Europe/Amsterdam, NL holidays, standby on nights,
/// weekends and holidays within 30m. <c>globex</c>: wall-clock targets (P1 15m/4h) in New York, nights within 30m.
/// <c>initech</c>: only a P1 target, weekend standby within 45m.
/// </summary>
public static class TestContracts
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public const string Yaml = """
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
          us-office:
            timeZone: America/New_York
            hours:
              mon-fri: "09:00-17:00"
            holidays: [US]
        rateCards:
          standard:
            currency: EUR
            hourlyRate: 100.00
            vatPercent: 21
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
          globex:
            name: Globex Inc.
            calendar: us-office
            rateCard: standard
            team: ops-nl
            sla:
              P1: { response: 15m, resolution: 4h }
            standby:
              coverage: [nights]
          initech:
            name: Initech
            calendar: nl-office
            rateCard: standard
            team: ops-nl
            sla:
              P1: { response: 4 business hours }
            standby:
              coverage: [weekends]
              responseWithin: 45m
        """;

    public static StandbyOpsConfig Load() =>
        ConfigLoader.Load(Yaml, "standbyops.yaml", _ => null).GetConfigOrThrow();

    /// <summary>A local time in Amsterdam as an instant (the tests' times are all unambiguous).</summary>
    public static Instant InAmsterdam(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Amsterdam).ToInstant();
}
