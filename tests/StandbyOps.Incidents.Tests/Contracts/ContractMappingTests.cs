using NodaTime;
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
}
