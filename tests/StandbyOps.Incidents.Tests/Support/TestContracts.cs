using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Testing.Support;

namespace StandbyOps.Incidents.Tests.Support;

/// <summary>
/// Contracts for the desk tests. <c>acme</c>: Mon–Fri 08:30–17:00 Europe/Amsterdam, NL holidays, standby on nights,
/// weekends and holidays within 30m. <c>globex</c>: wall-clock targets (P1 15m/4h) in New York, nights within 30m.
/// <c>initech</c>: only a P1 target, weekend standby within 45m.
/// </summary>
public static class TestContracts
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public static readonly string Yaml = ConfigBlocks.Document(
        ConfigBlocks.LogSmsServer,
        calendars: ConfigBlocks.NlOfficeCalendar + "\n" + UsOfficeCalendar,
        rateCards: ConfigBlocks.StandardRateCard(surcharges: false),
        teams: ConfigBlocks.OpsNlTeam(),
        customers: ConfigBlocks.AcmeCustomer() + "\n" + GlobexAndInitech);

    /// <summary>Mon–Fri 09:00–17:00 America/New_York, US holidays.</summary>
    private const string UsOfficeCalendar = """
          us-office:
            timeZone: America/New_York
            hours:
              mon-fri: "09:00-17:00"
            holidays: [US]
        """;

    private const string GlobexAndInitech = """
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
