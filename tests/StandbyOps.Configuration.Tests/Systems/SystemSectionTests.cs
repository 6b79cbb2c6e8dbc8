using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Tests.Systems;

public sealed class SystemSectionTests
{
    [Fact]
    public void A_system_id_used_by_two_customers_is_an_error_naming_the_first()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                systems:
                  web: { name: ACME web }
              globex:
                calendar: nl
                rateCard: std
                systems:
                  web: { name: Globex web }
            """);

        result.SingleError().AssertAt(15, ["system id 'web'", "customer 'acme' (line 10)"], ["unique across customers"]);
    }

    [Fact]
    public void The_unrouted_system_id_is_reserved()
    {
        var result = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                systems:
                  unrouted: {}
            """);

        result.SingleError().AssertAt(10, ["'unrouted' is reserved"], ["match no system"]);
    }

    [Fact]
    public void A_check_and_a_heartbeat_with_one_id_are_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      backup: { tcp: { host: 10.0.0.1, port: 22 } }
                    heartbeats:
                      backup: { token: 6f1c0d8e-2b1a-4c55-9a0e-3f0c2d9b7a11, period: 24h }
            """);

        result.SingleError().AssertAt(14, ["heartbeat id 'backup'", "already the id of a check"], ["share one id space"]);
    }

    [Fact]
    public void A_bad_criticality_is_an_error_suggesting_the_nearest()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    criticality: hihg
            """);

        result.SingleError().AssertAt(11, ["invalid criticality 'hihg'"], ["did you mean 'high'?", "critical, high, medium, low"]);
    }

    [Fact]
    public void A_system_defaults_to_medium_criticality_and_its_id_as_name()
    {
        var system = Loading.Load(Loading.PreambleWithSystem + """
                    checks:
                      ping: { icmp: { host: 10.0.0.1 } }
            """).Valid().Customers["acme"].Systems["web"];

        Assert.Equal(("web", Criticality.Medium, Priority.P3), (system.Name, system.Criticality, system.Checks["ping"].Priority));
        Assert.Empty(system.AlertmanagerMatch);
        Assert.Empty(system.Maintenance);
    }

    [Theory]
    [InlineData("critical", Priority.P1)]
    [InlineData("high", Priority.P2)]
    [InlineData("medium", Priority.P3)]
    [InlineData("low", Priority.P4)]
    public void A_check_without_priority_takes_it_from_the_criticality(string criticality, Priority expected)
    {
        var system = Loading.Load(Loading.PreambleWithSystem + $$"""
                    criticality: {{criticality}}
                    checks:
                      ping: { icmp: { host: 10.0.0.1 } }
            """).Valid().Customers["acme"].Systems["web"];

        Assert.Equal(expected, system.Checks["ping"].Priority);
    }

    [Fact]
    public void A_one_off_window_that_ends_before_it_starts_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    maintenance:
                      - once: { from: "2026-12-06T02:00", to: "2026-12-05T22:00" }
            """);

        result.SingleError().AssertAt(12, ["ends (2026-12-05T22:00) before it starts (2026-12-06T02:00)"], ["'to' later than 'from'"]);
    }

    [Fact]
    public void A_weekly_window_may_run_past_midnight_in_the_calendar_zone()
    {
        var system = Loading.Load(Loading.PreambleWithSystem + """
                    maintenance:
                      - weekly: { days: [sat], from: "23:00", to: "01:00" }
                      - weekly: { days: [mon-fri], from: "12:00", to: "12:30", timeZone: America/New_York }
            """).Valid().Customers["acme"].Systems["web"];

        var night = Assert.IsType<WeeklyMaintenanceConfig>(system.Maintenance[0]);
        Assert.True(night.CrossesMidnight);
        Assert.Equal("Europe/Amsterdam", night.Zone.Id);
        var lunch = Assert.IsType<WeeklyMaintenanceConfig>(system.Maintenance[1]);
        Assert.Equal(5, lunch.Days.Count);
        Assert.Equal("America/New_York", lunch.Zone.Id);
    }

    [Fact]
    public void A_window_with_both_weekly_and_once_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    maintenance:
                      - weekly: { days: [sun], from: "02:00", to: "04:00" }
                        once: { from: "2026-12-05T22:00", to: "2026-12-06T02:00" }
            """);

        result.SingleError().AssertAt(12, ["exactly one of 'weekly' and 'once'"], ["- weekly:"]);
    }

    [Fact]
    public void A_bad_local_date_time_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    maintenance:
                      - once: { from: "2026-12-05 22:00", to: "2026-12-06T02:00" }
            """);

        result.SingleError().AssertAt(12, ["invalid from '2026-12-05 22:00'"], ["yyyy-MM-ddTHH:mm"]);
    }

    [Fact]
    public void An_invalid_alertmanager_label_name_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    alertmanager:
                      match: { customer: acme, service-name: web }
            """);

        result.SingleError().AssertAt(12, ["invalid label name 'service-name'"], ["letters, digits and '_'"]);
    }

    [Fact]
    public void Two_systems_with_the_same_alertmanager_match_are_a_warning()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    alertmanager: { match: { team: web } }
                  shop:
                    alertmanager: { match: { team: web } }
            """);

        result.SingleWarning().AssertAt(13, ["same as that of system 'web' (line 11)"], ["tells the systems apart"]);
        Assert.False(result.HasErrors);
    }
}
