using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Tests.Heartbeats;

public sealed class HeartbeatSectionTests
{
    private const string Token = "6f1c0d8e-2b1a-4c55-9a0e-3f0c2d9b7a11";

    [Fact]
    public void A_token_used_twice_is_an_error_naming_the_first_heartbeat_but_not_the_token()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + $$"""
                    heartbeats:
                      backup: { token: "{{Token}}", period: 24h }
                  db:
                    heartbeats:
                      vacuum: { token: "{{Token}}", period: 24h }
            """);

        var error = result.SingleError();
        error.AssertAt(15, ["heartbeat 'vacuum'", "same token as heartbeat 'backup' (line 12)"], ["its own token"]);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_and_cron_together_are_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + $$"""
                    heartbeats:
                      backup:
                        token: "{{Token}}"
                        period: 24h
                        cron: "0 2 * * *"
            """);

        result.SingleError().AssertAt(15, ["both 'period' and 'cron'"], ["keep one"]);
    }

    [Fact]
    public void Neither_period_nor_cron_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + $$"""
                    heartbeats:
                      backup: { token: "{{Token}}", grace: 1h }
            """);

        result.SingleError().AssertAt(12, ["neither 'period' nor 'cron'"], ["period: 24h", "cron:"]);
    }

    [Fact]
    public void A_cron_with_four_fields_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + $$"""
                    heartbeats:
                      backup: { token: "{{Token}}", cron: "0 2 * *" }
            """);

        result.SingleError().AssertAt(12, ["invalid cron '0 2 * *'", "5 fields, this one has 4"], ["minute (0-59)"]);
    }

    [Fact]
    public void A_cron_hour_out_of_range_is_an_error_naming_the_field()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + $$"""
                    heartbeats:
                      backup: { token: "{{Token}}", cron: "0 24 * * *" }
            """);

        result.SingleError().AssertAt(12, ["field 2 (hour)", "0-23"], ["\"0 2 * * *\""]);
    }

    [Fact]
    public void A_cron_heartbeat_runs_in_the_customers_calendar_zone_with_the_default_grace()
    {
        var heartbeat = Loading.Load(Loading.PreambleWithSystem + $$"""
                    criticality: critical
                    heartbeats:
                      backup: { token: "{{Token}}", cron: "30 2 * * mon-fri" }
            """).Valid().Customers["acme"].Systems["web"].Heartbeats["backup"];

        Assert.Equal(("30 2 * * mon-fri", (Duration?)null, "Europe/Amsterdam"), (heartbeat.Cron, heartbeat.Period, heartbeat.CronZone.Id));
        Assert.Equal((Duration.FromHours(1), Priority.P1), (heartbeat.Grace, heartbeat.Priority));
        Assert.DoesNotContain(Token, heartbeat.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_with_characters_unsafe_in_urls_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    heartbeats:
                      backup: { token: "abc/def?ghi-jkl-mno-pqr", period: 1h }
            """);

        result.SingleError().AssertAt(12, ["invalid token", "ping URLs"], ["uuidgen"]);
    }

    [Fact]
    public void A_short_token_is_a_warning()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    heartbeats:
                      backup: { token: backup1, period: 1h }
            """);

        result.SingleWarning().AssertAt(12, ["shorter than 16 characters"], ["UUID"]);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void A_heartbeat_token_may_come_from_the_environment()
    {
        var heartbeat = Loading.Load(Loading.PreambleWithSystem + """
                    heartbeats:
                      backup: { token: "${BACKUP_TOKEN}", period: 1h }
            """, new Dictionary<string, string> { ["BACKUP_TOKEN"] = Token }).Valid().Customers["acme"].Systems["web"].Heartbeats["backup"];

        Assert.Equal(Token, heartbeat.Token);
    }
}
