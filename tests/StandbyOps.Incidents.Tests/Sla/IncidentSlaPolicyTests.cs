using NodaTime;
using StandbyOps.Billing.Standby;
using StandbyOps.Core.Sla;
using StandbyOps.Core.Standby;
using StandbyOps.Incidents.Sla;
using StandbyOps.Incidents.Tests.Support;
using static StandbyOps.Incidents.Tests.Support.TestContracts;

namespace StandbyOps.Incidents.Tests.Sla;

public sealed class IncidentSlaPolicyTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Opened and due times are local Amsterdam times "yyyy-MM-dd HH:mm"; "-" means no deadline.</summary>
    [Theory]
    [InlineData("DOMAIN.md example: Friday afternoon walks to Monday", "acme", "P1", "2026-11-20 15:00", "2026-11-23 10:30", "2026-11-24 15:00")]
    [InlineData("inside night standby the 30m standby response wins", "acme", "P1", "2026-11-20 20:00", "2026-11-20 20:30", "2026-11-24 17:00")]
    [InlineData("Christmas Day is skipped", "acme", "P2", "2026-12-24 16:00", "2026-12-28 15:30", "-")]
    [InlineData("weekend standby wins over two business days", "acme", "P3", "2026-11-21 10:00", "2026-11-21 10:30", "-")]
    [InlineData("the DST change on 25 Oct does not shift business time", "acme", "P1", "2026-10-23 15:00", "2026-10-26 10:30", "2026-10-27 15:00")]
    [InlineData("four business days span a weekend", "acme", "P4", "2026-11-25 09:00", "2026-12-01 09:00", "-")]
    [InlineData("the contract's own standby response time", "initech", "P1", "2026-11-21 10:00", "2026-11-21 10:45", "-")]
    [InlineData("inside standby even a priority without targets is due", "initech", "P3", "2026-11-21 10:00", "2026-11-21 10:45", "-")]
    [InlineData("outside standby a priority without targets has no deadline", "initech", "P3", "2026-11-24 10:00", "-", "-")]
    [InlineData("a night is not standby without night coverage", "initech", "P1", "2026-11-24 22:00", "2026-11-25 12:30", "-")]
    [InlineData("unknown customers get no SLA", "unrouted", "P1", "2026-11-20 15:00", "-", "-")]
    public async Task Deadlines_follow_the_customers_contract(string why, string customer, string priority, string opened, string response, string resolution)
    {
        var policy = new IncidentSlaPolicy(Load(), new NoStandbyPeriods());

        var deadlines = await policy.DeadlinesAsync(customer, PriorityText.Parse(priority), Local(opened, Amsterdam)!.Value);

        Assert.True(
            (Local(response, Amsterdam), Local(resolution, Amsterdam)) == (deadlines.ResponseDueAt, deadlines.ResolutionDueAt),
            $"{why}: expected {response} / {resolution}, got {deadlines}");
    }

    [Fact]
    public async Task A_wall_clock_response_shorter_than_the_standby_response_wins_inside_standby()
    {
        var policy = new IncidentSlaPolicy(Load(), new NoStandbyPeriods());
        var opened = Local("2026-11-24 23:00", NewYork)!.Value;

        var deadlines = await policy.DeadlinesAsync("globex", Priority.P1, opened);

        Assert.Equal(new SlaDeadlines(opened + Duration.FromMinutes(15), opened + Duration.FromHours(4)), deadlines);
    }

    [Fact]
    public async Task A_one_off_standby_period_counts_as_agreed_standby()
    {
        var opened = InAmsterdam(2026, 11, 24, 22, 0);
        var migration = new StandbyPeriod(InAmsterdam(2026, 11, 24, 20, 0), InAmsterdam(2026, 11, 25, 2, 0), "migration");
        var policy = new IncidentSlaPolicy(Load(), new FixedPeriods("initech", migration));

        var deadlines = await policy.DeadlinesAsync("initech", Priority.P1, opened);

        Assert.Equal(opened + Duration.FromMinutes(45), deadlines.ResponseDueAt);
        Assert.True(await policy.IsInsideAgreedStandbyAsync("initech", opened));
        Assert.False(await policy.IsInsideAgreedStandbyAsync("initech", InAmsterdam(2026, 11, 25, 2, 0)));
    }

    [Fact]
    public void Every_configured_contract_is_built()
    {
        var policy = new IncidentSlaPolicy(Load(), new NoStandbyPeriods());

        Assert.Empty(policy.Problems);
        Assert.Equal(Duration.FromMinutes(45), policy.ContractOf("initech")!.StandbyResponseWithin);
        Assert.Null(policy.ContractOf("unrouted"));
    }

    [Fact]
    public async Task A_reloaded_configuration_applies_to_the_next_incident()
    {
        var reloaded = Configuration.ConfigLoader.Load(
            Yaml.Replace("P1: { response: 4 business hours, resolution: 2 business days }", "P1: { response: 1h }", StringComparison.Ordinal),
            "standbyops.yaml",
            _ => null).GetConfigOrThrow();
        var current = Load();
        var policy = new IncidentSlaPolicy(() => current, new NoStandbyPeriods());
        var opened = InAmsterdam(2026, 11, 20, 15, 0);
        var before = await policy.DeadlinesAsync("acme", Priority.P1, opened);

        current = reloaded;
        var after = await policy.DeadlinesAsync("acme", Priority.P1, opened);

        Assert.Equal(InAmsterdam(2026, 11, 23, 10, 30), before.ResponseDueAt);
        Assert.Equal(new SlaDeadlines(opened + Duration.FromHours(1), null), after);
    }

    private static Instant? Local(string text, DateTimeZone zone) =>
        text == "-" ? null : NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Parse(text).Value.InZoneStrictly(zone).ToInstant();

    private sealed class FixedPeriods(string customer, params StandbyPeriod[] periods) : IStandbyPeriodSource
    {
        public Task<IReadOnlyList<StandbyPeriod>> PeriodsAsync(string forCustomer, Interval range, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StandbyPeriod>>(forCustomer == customer ? periods.Where(p => p.Interval.Contains(range.Start) || range.Contains(p.Start)).ToArray() : []);
    }
}
