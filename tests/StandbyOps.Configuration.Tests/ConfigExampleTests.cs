using NodaTime;
using StandbyOps.Configuration.Calendars;
using StandbyOps.Configuration.Checks;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.PushRules;
using StandbyOps.Configuration.RateCards;
using StandbyOps.Configuration.Sms;
using StandbyOps.Configuration.Systems;
using StandbyOps.Configuration.Teams;
using StandbyOps.Core.Standby;
using Priority = StandbyOps.Core.Sla.Priority;
using SlaTargetKind = StandbyOps.Core.Sla.SlaTargetKind;

namespace StandbyOps.Configuration.Tests;

/// <summary>The example of CONFIG.md (the contract) loads into the model it describes.</summary>
public sealed class ConfigExampleTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "not-a-real-auth-token";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["TWILIO_ACCOUNT_SID"] = AccountSid,
        ["TWILIO_AUTH_TOKEN"] = AuthToken,
    };

    private static StandbyOpsConfig LoadExample() =>
        ConfigLoader.LoadFile(Loading.Resource("config-md-example.yaml"), name => Environment.GetValueOrDefault(name)).Valid();

    [Fact]
    public void The_config_md_example_loads_without_diagnostics()
    {
        var result = ConfigLoader.LoadFile(Loading.Resource("config-md-example.yaml"), name => Environment.GetValueOrDefault(name));

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Config);
    }

    [Fact]
    public void Server_and_twilio_settings_come_from_the_file_and_the_environment()
    {
        var config = LoadExample();

        Assert.Equal(new Uri("https://standbyops.example.net/"), config.Server.PublicUrl);
        Assert.Equal(SmsProvider.Log, config.Sms.Provider);
        var twilio = Assert.IsType<TwilioConfig>(config.Sms.Twilio);
        Assert.Equal(AccountSid, twilio.AccountSid);
        Assert.Equal(AuthToken, twilio.AuthToken);
        Assert.Equal("+3197010000000", twilio.From);
        Assert.Null(twilio.MessagingServiceSid);
        Assert.Equal(new Uri("https://api.twilio.com"), twilio.BaseUrl);
    }

    [Fact]
    public void The_calendar_has_opening_hours_on_weekdays_only()
    {
        var calendar = LoadExample().Calendars["nl-office"];

        Assert.Equal("Europe/Amsterdam", calendar.Zone.Id);
        var weekday = new TimeRange(new LocalTime(8, 30), new LocalTime(18, 0));
        Assert.Equal([weekday], calendar.Hours[IsoDayOfWeek.Monday]);
        Assert.Equal([weekday], calendar.Hours[IsoDayOfWeek.Friday]);
        Assert.Empty(calendar.Hours[IsoDayOfWeek.Saturday]);
        Assert.Empty(calendar.Hours[IsoDayOfWeek.Sunday]);
        Assert.Equal([KnownHolidaySets.Netherlands], calendar.HolidaySets);
        Assert.Equal([new LocalDate(2026, 12, 24)], calendar.Extra);
        Assert.Empty(calendar.Except);
    }

    [Fact]
    public void The_rate_card_keeps_money_and_categories_exact()
    {
        var card = LoadExample().RateCards["standard"];

        Assert.Equal("EUR", card.Currency);
        Assert.Equal(95.00m, card.HourlyRate);
        Assert.Equal(21m, card.VatPercent);
        Assert.Equal(new HolidayRateConfig(100m, 8m), card.Holiday);
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], card.Weekend.Days);
        Assert.Equal((new LocalTime(8, 30), new LocalTime(18, 0), 50m, 4m), (card.Weekend.From, card.Weekend.To, card.Weekend.Percent, card.Weekend.MinimumHours));
        Assert.Equal(new NightRateConfig(new LocalTime(18, 0), new LocalTime(8, 30), 100m, 2m), card.Night);
        Assert.True(card.Night.CrossesMidnight);
        Assert.Equal(new CalloutRateConfig(100m, 1m), card.Callout);
    }

    [Fact]
    public void The_team_has_engineers_rotations_and_escalation_steps()
    {
        var team = LoadExample().Teams["ops-nl"];

        Assert.Equal("Europe/Amsterdam", team.Zone.Id);
        Assert.Equal(["anna", "bram", "chris"], team.Engineers.Keys);
        Assert.Equal(new EngineerConfig("anna", "Anna de Vries", "+31612345678", team.Zone), team.Engineers["anna"]);
        var rotation = Assert.IsType<RotationConfig>(team.Rotation);
        Assert.Equal((RotationPeriod.Week, IsoDayOfWeek.Monday, new LocalTime(8, 30), new LocalDate(2026, 1, 5)),
            (rotation.Every, rotation.HandoverDay, rotation.HandoverTime, rotation.Start));
        Assert.Equal(["anna", "bram"], rotation.Order);
        var duty = Assert.IsType<RotationConfig>(team.Duty);
        Assert.Equal((RotationPeriod.Day, (IsoDayOfWeek?)null, new LocalTime(8, 30)), (duty.Every, duty.HandoverDay, duty.HandoverTime));
        Assert.Equal(["chris"], duty.Order);
        Assert.Equal(
            [(0, EscalationTargetKind.OnCall), (5, EscalationTargetKind.OnCall), (10, EscalationTargetKind.Backup), (20, EscalationTargetKind.Engineers)],
            team.Escalation.Select(s => ((int)s.After.TotalMinutes, s.Target)));
        Assert.Equal(["chris"], team.Escalation[3].Engineers);
        Assert.Equal(0, team.EscalationRepeat);
        Assert.Equal(Duration.FromSeconds(15), team.GroupWait);
    }

    [Fact]
    public void The_customer_has_its_contract_sla_and_standby()
    {
        var customer = LoadExample().Customers["acme"];

        Assert.Equal(("ACME B.V.", "nl-office", "standard", "ops-nl"), (customer.Name, customer.Calendar, customer.RateCard, customer.Team));
        Assert.Equal(new SlaTargetConfig(SlaTargetKind.BusinessHours, 4m, Duration.Zero, "4 business hours"), customer.Sla[Priority.P1].Response);
        Assert.Equal(new SlaTargetConfig(SlaTargetKind.BusinessDays, 2m, Duration.Zero, "2 business days"), customer.Sla[Priority.P1].Resolution);
        Assert.Null(customer.Sla[Priority.P2].Resolution);
        Assert.Equal(4m, customer.Sla[Priority.P4].Response.Amount);
        Assert.Equal(StandbyCoverage.All, customer.Standby.Coverage);
        Assert.Equal(Duration.FromMinutes(30), customer.Standby.ResponseWithin);
    }

    [Fact]
    public void Every_probe_kind_of_the_example_is_read_with_its_settings_and_defaults()
    {
        var system = LoadExample().Customers["acme"].Systems["webshop"];

        Assert.Equal(("ACME webshop", Criticality.High), (system.Name, system.Criticality));
        var home = system.Checks["home"];
        var http = Assert.IsType<HttpProbeConfig>(home.Probe);
        Assert.Equal((new Uri("https://shop.acme.example/health"), "GET", "ok", Duration.FromSeconds(2)), (http.Url, http.Method, http.BodyContains, http.MaxLatency));
        Assert.Equal([200], http.ExpectStatus);
        Assert.Equal((Duration.FromSeconds(30), Duration.FromSeconds(5), 3, 2, Priority.P2, true),
            (home.Interval, home.Timeout, home.FailureThreshold, home.SuccessThreshold, home.Priority, home.AutoResolve));

        var certificate = system.Checks["certificate"];
        Assert.Equal(new TlsProbeConfig("shop.acme.example", 443, 14), certificate.Probe);
        Assert.Equal((Duration.FromHours(1), Priority.P3), (certificate.Interval, certificate.Priority));
        Assert.Equal(new TcpProbeConfig("10.1.2.3", 5432), system.Checks["database"].Probe);
        Assert.Equal(new DnsProbeConfig("shop.acme.example", "A"), system.Checks["resolver"].Probe);
        Assert.Equal(new IcmpProbeConfig("10.1.2.1"), system.Checks["gateway"].Probe);
        Assert.Equal(Duration.FromSeconds(60), system.Checks["gateway"].Interval);
    }

    [Fact]
    public void Heartbeats_push_rules_alertmanager_and_maintenance_are_read()
    {
        var system = LoadExample().Customers["acme"].Systems["webshop"];

        var backup = system.Heartbeats["nightly-backup"];
        Assert.Equal(("6f1c0d8e-2b1a-4c55-9a0e-3f0c2d9b7a11", Duration.FromHours(24), Duration.FromHours(1), Priority.P2),
            (backup.Token, backup.Period, backup.Grace, backup.Priority));
        Assert.Null(backup.Cron);

        var disk = system.PushRules["disk-free"];
        Assert.Equal(("node", "node_filesystem_avail_bytes", new PushThreshold(ThresholdDirection.Below, 1e9), Duration.FromMinutes(5), Priority.P2),
            (disk.Job, disk.Metric, disk.Threshold, disk.For, disk.Priority));
        Assert.Equal(new Dictionary<string, string> { ["mountpoint"] = "/" }, disk.Labels);
        var silent = system.PushRules["node-silent"];
        Assert.Equal((null, (PushThreshold?)null, Duration.FromMinutes(10), Priority.P2), (silent.Metric, silent.Threshold, silent.AbsentFor, silent.Priority));

        Assert.Equal(new Dictionary<string, string> { ["customer"] = "acme", ["system"] = "webshop" }, system.AlertmanagerMatch);
        var weekly = Assert.IsType<WeeklyMaintenanceConfig>(system.Maintenance[0]);
        Assert.Equal([IsoDayOfWeek.Sunday], weekly.Days);
        Assert.Equal((new LocalTime(2, 0), new LocalTime(4, 0), "Europe/Amsterdam"), (weekly.From, weekly.To, weekly.Zone.Id));
        var once = Assert.IsType<OneOffMaintenanceConfig>(system.Maintenance[1]);
        Assert.Equal((new LocalDateTime(2026, 12, 5, 22, 0), new LocalDateTime(2026, 12, 6, 2, 0)), (once.From, once.To));
    }

    [Fact]
    public void The_example_needs_its_twilio_variables()
    {
        var result = ConfigLoader.LoadFile(Loading.Resource("config-md-example.yaml"), _ => null);

        Assert.Equal(["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"], result.Errors.Select(e => e.Message.Split('\'')[1]));
        Assert.Equal([7, 8], result.Errors.Select(e => e.Line));
    }
}
