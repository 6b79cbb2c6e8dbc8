using NodaTime;
using StandbyOps.Configuration.Customers;
using Priority = StandbyOps.Core.Sla.Priority;
using SlaTargetKind = StandbyOps.Core.Sla.SlaTargetKind;

namespace StandbyOps.Configuration.Tests.Customers;

public sealed class CustomerSectionTests
{
    [Fact]
    public void An_unknown_calendar_is_an_error_suggesting_the_defined_one()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl-office
                rateCard: std
            """);

        result.SingleError().AssertAt(7, ["unknown calendar 'nl-office'", "customer 'acme'"], ["defined calendars: nl", "calendars:"]);
    }

    [Fact]
    public void An_unknown_rate_card_is_an_error_suggesting_the_nearest()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: sdt
            """);

        result.SingleError().AssertAt(8, ["unknown rate card 'sdt'"], ["did you mean 'std'?"]);
    }

    [Fact]
    public void An_unknown_team_is_an_error()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme: { calendar: nl, rateCard: std, team: ops }
            """);

        result.SingleError().AssertAt(6, ["unknown team 'ops'"], ["no teams are defined"]);
    }

    [Fact]
    public void A_customer_without_a_calendar_is_an_error_at_the_customer()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                rateCard: std
            """);

        result.SingleError().AssertAt(6, ["missing 'calendar'", "customer 'acme'"], ["calendar: nl-office"]);
    }

    [Fact]
    public void Standby_coverage_without_a_team_is_an_error()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                standby:
                  coverage: [nights]
            """);

        result.SingleError().AssertAt(10, ["standby coverage but no team"], ["add team:"]);
    }

    [Fact]
    public void Standby_coverage_with_a_team_without_rotation_is_an_error()
    {
        var result = Loading.Load(Loading.Preamble + """
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
            customers:
              acme:
                calendar: nl
                rateCard: std
                team: ops
                standby:
                  coverage: [nights, weekends]
            """);

        result.SingleError().AssertAt(15, ["team 'ops' has no rotation"], ["add rotation:", "(line 6)"]);
    }

    [Fact]
    public void Standby_coverage_with_an_empty_rotation_is_an_error()
    {
        var result = Loading.Load(Loading.Preamble + """
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                rotation: { every: week, handover: "mon 08:30", order: [], start: "2026-01-05" }
            customers:
              acme:
                calendar: nl
                rateCard: std
                team: ops
                standby: { coverage: [holidays] }
            """);

        result.SingleError().AssertAt(15, ["rotation of team 'ops' is empty"], ["rotation.order"]);
    }

    [Fact]
    public void An_escalation_step_beyond_the_standby_response_time_is_a_warning_and_the_config_loads()
    {
        var result = Loading.Load(Loading.Preamble + """
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                rotation: { every: week, handover: "mon 08:30", order: [anna], start: "2026-01-05" }
                escalation:
                  - { after: 0m, notify: onCall }
                  - { after: 45m, notify: [anna] }
            customers:
              acme:
                calendar: nl
                rateCard: std
                team: ops
                standby: { coverage: [nights], responseWithin: 30m }
            """);

        result.SingleWarning().AssertAt(12, ["after 45m", "team 'ops'", "customer 'acme' (30m)"], ["before 30m", "standby.responseWithin"]);
        Assert.False(result.HasErrors);
        Assert.NotNull(result.Config);
    }

    [Fact]
    public void A_step_at_exactly_the_response_time_is_also_a_warning()
    {
        var result = Loading.Load(Loading.PreambleWithTeam + """
                escalation: [{ after: 0m, notify: onCall }, { after: 15m, notify: backup }]
            customers:
              acme: { calendar: nl, rateCard: std, team: ops, standby: { coverage: [nights], responseWithin: 15m } }
            """);

        result.SingleWarning().AssertAt(12, ["after 15m"], ["before 15m"]);
    }

    [Fact]
    public void Escalation_is_not_checked_against_standby_for_a_customer_without_coverage()
    {
        var result = Loading.Load(Loading.PreambleWithTeam + """
                escalation: [{ after: 60m, notify: onCall }]
            customers:
              acme: { calendar: nl, rateCard: std, team: ops }
            """);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_bad_sla_target_is_an_error_showing_the_forms()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                sla:
                  P1: { response: 4 working hours }
            """);

        result.SingleError().AssertAt(10, ["invalid response '4 working hours'", "P1 sla of customer 'acme'"], ["business hours", "30m"]);
    }

    [Fact]
    public void A_lowercase_priority_is_an_unknown_key_suggesting_the_priority()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                sla:
                  p2: { response: 8 business hours }
            """);

        result.SingleError().AssertAt(10, ["unknown key 'p2'"], ["did you mean 'P2'?", "P1, P2, P3, P4"]);
    }

    [Fact]
    public void Sla_targets_of_every_kind_are_parsed()
    {
        var customer = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                sla:
                  P1: { response: 30m, resolution: 4h }
                  P2: { response: 0.5 business days }
                  P3: { response: 1 business hour }
            """).Valid().Customers["acme"];

        Assert.Equal((SlaTargetKind.WallClock, Duration.FromMinutes(30)), (customer.Sla[Priority.P1].Response.Kind, customer.Sla[Priority.P1].Response.Elapsed));
        Assert.Equal(Duration.FromHours(4), customer.Sla[Priority.P1].Resolution!.Elapsed);
        Assert.Equal((SlaTargetKind.BusinessDays, 0.5m), (customer.Sla[Priority.P2].Response.Kind, customer.Sla[Priority.P2].Response.Amount));
        Assert.Equal(SlaTargetKind.BusinessHours, customer.Sla[Priority.P3].Response.Kind);
        Assert.False(customer.Sla.ContainsKey(Priority.P4));
    }

    [Fact]
    public void An_unknown_coverage_is_an_error_suggesting_the_nearest()
    {
        var result = Loading.Load(Loading.PreambleWithTeam + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                team: ops
                standby: { coverage: [nights, weekend] }
            """);

        result.SingleError().AssertAt(17, ["invalid coverage 'weekend'"], ["did you mean 'weekends'?"]);
    }

    [Fact]
    public void A_customer_without_standby_has_no_coverage_and_the_default_response_time()
    {
        var customer = Loading.Load(Loading.Preamble + """
            customers:
              acme: { calendar: nl, rateCard: std }
            """).Valid().Customers["acme"];

        Assert.True(customer.Standby.Coverage.IsEmpty);
        Assert.Equal(Duration.FromMinutes(30), customer.Standby.ResponseWithin);
        Assert.Equal("acme", customer.Name);
        Assert.Null(customer.Team);
    }

    [Fact]
    public void A_zero_response_time_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithTeam + """
            customers:
              acme: { calendar: nl, rateCard: std, team: ops, standby: { coverage: [nights], responseWithin: 0m } }
            """);

        result.SingleError().AssertAt(13, ["invalid responseWithin '0m'", "longer than zero"], ["positive duration"]);
    }
}
