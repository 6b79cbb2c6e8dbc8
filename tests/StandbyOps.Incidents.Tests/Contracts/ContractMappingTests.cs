using NodaTime;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Calendars;
using StandbyOps.Configuration.Customers;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Incidents.Tests.Support;
using Priority = StandbyOps.Core.Sla.Priority;
using SlaTargetKind = StandbyOps.Core.Sla.SlaTargetKind;

namespace StandbyOps.Incidents.Tests.Contracts;

public sealed class ContractMappingTests
{
    private static readonly TimeRange Office = new(new LocalTime(8, 30), new LocalTime(17, 0));

    [Fact]
    public void A_calendars_extra_dates_are_closed_and_excepted_holidays_are_working_days()
    {
        var config = new CalendarConfig(
            "nl-office",
            TestContracts.Amsterdam,
            Enumerable.Range(1, 5).ToDictionary(d => (IsoDayOfWeek)d, _ => (IReadOnlyList<TimeRange>)[Office]),
            ["NL"],
            [new LocalDate(2026, 12, 24)],
            [new LocalDate(2026, 12, 25)]);

        var calendar = ContractMapping.ToBusinessCalendar(config);

        Assert.True(calendar.IsHoliday(new LocalDate(2026, 12, 24)));
        Assert.False(calendar.IsHoliday(new LocalDate(2026, 12, 25)));
        Assert.True(calendar.IsHoliday(new LocalDate(2026, 12, 26)));
        Assert.Equal(Duration.FromMinutes(510), calendar.BusinessDayLength);
    }

    [Fact]
    public void A_calendar_without_opening_hours_is_rejected_by_the_domain()
    {
        var config = new CalendarConfig("closed", TestContracts.Amsterdam, new Dictionary<IsoDayOfWeek, IReadOnlyList<TimeRange>>(), [], [], []);

        Assert.ThrowsAny<ArgumentException>(() => ContractMapping.ToBusinessCalendar(config));
    }

    [Fact]
    public void Sla_targets_keep_their_kind_and_amount()
    {
        var sla = new Dictionary<Priority, SlaTermsConfig>
        {
            [Priority.P1] = new(
                new SlaTargetConfig(SlaTargetKind.BusinessHours, 4, Duration.Zero, "4 business hours"),
                new SlaTargetConfig(SlaTargetKind.WallClock, 0, Duration.FromMinutes(90), "90m")),
        };

        var contract = ContractMapping.ToSlaContract(sla);

        var targets = contract.For(Core.Sla.Priority.P1)!;
        Assert.Equal("4 business hours", targets.Response.ToString());
        Assert.Equal(Duration.FromMinutes(90), targets.Resolution!.WallClockDuration);
        Assert.Null(contract.For(Core.Sla.Priority.P2));
    }

    [Fact]
    public void Every_rate_card_the_configuration_accepts_builds_the_billing_rate_card()
    {
        string[] times = ["00:00", "06:00", "08:30", "18:00", "22:00"];
        var accepted = 0;
        var refused = 0;
        foreach (var (weekendFrom, weekendTo, nightFrom, nightTo) in
                 from a in times from b in times from c in times from d in times select (a, b, c, d))
        {
            var result = ConfigLoader.Load(
                $$"""
                rateCards:
                  std: { currency: EUR, hourlyRate: 100, vatPercent: 21, weekend: { from: "{{weekendFrom}}", to: "{{weekendTo}}" }, night: { from: "{{nightFrom}}", to: "{{nightTo}}" } }
                """,
                "standbyops.yaml",
                _ => null);
            if (result.HasErrors)
            {
                refused++;
                continue;
            }

            // A card check-config accepted never throws at run time (the on-call API and paging build it per request).
            accepted++;
            _ = ContractMapping.ToRateCard(result.Config!.RateCards["std"]);
        }

        Assert.True(accepted > 0 && refused > 0, $"accepted {accepted}, refused {refused}");
    }
}
