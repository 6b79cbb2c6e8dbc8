using NodaTime;
using StandbyOps.Core.Sla;
using static StandbyOps.Core.Tests.Calendars.TestCalendars;
using static StandbyOps.Core.Tests.TestTime;

namespace StandbyOps.Core.Tests.Sla;

public class SlaClockTests
{
    private static readonly Duration ThirtyMinutes = Duration.FromMinutes(30);

    /// <summary>The CONFIG.md example contract, plus a wall-clock P4.</summary>
    private static readonly SlaContract Acme = new(new Dictionary<Priority, PriorityTargets>
    {
        [Priority.P1] = new(SlaTarget.Parse("4 business hours"), SlaTarget.Parse("2 business days")),
        [Priority.P2] = new(SlaTarget.Parse("8 business hours")),
        [Priority.P3] = new(SlaTarget.Parse("2 business days")),
        [Priority.P4] = new(SlaTarget.Parse("30m"), SlaTarget.Parse("4h")),
    });

    [Theory]
    [InlineData("2026-11-20 15:00", Priority.P1, false, "2026-11-23 10:30", "2026-11-24 15:00")] // DOMAIN.md example
    [InlineData("2026-11-24 22:00", Priority.P1, false, "2026-11-25 12:30", "2026-11-26 17:00")] // opened at night
    [InlineData("2026-11-20 15:00", Priority.P2, false, "2026-11-23 14:30", null)] // no resolution target
    [InlineData("2026-11-20 15:00", Priority.P3, false, "2026-11-24 15:00", null)] // business days
    [InlineData("2026-11-21 03:00", Priority.P4, false, "2026-11-21 03:30", "2026-11-21 07:00")] // wall clock ignores the calendar
    [InlineData("2026-11-21 10:00", Priority.P1, true, "2026-11-21 10:30", "2026-11-24 17:00")] // inside standby: 30 min wins
    [InlineData("2026-11-21 10:00", Priority.P4, false, "2026-11-21 10:30", "2026-11-21 14:00")]
    [InlineData("2026-11-23 16:50", Priority.P1, true, "2026-11-23 17:20", "2026-11-25 16:50")] // standby earlier than Tuesday
    public void Deadlines_follow_the_contract_and_standby(string opened, Priority priority, bool inStandby, string response, string? resolution)
    {
        var deadlines = SlaClock.ComputeDeadlines(Ams(opened), priority, Acme, NlOffice, inStandby, ThirtyMinutes);

        Assert.Equal(response, deadlines.ResponseDueAt is { } r ? LocalText(r, Amsterdam) : null);
        Assert.Equal(resolution, deadlines.ResolutionDueAt is { } d ? LocalText(d, Amsterdam) : null);
    }

    [Fact]
    public void Inside_standby_the_contract_response_wins_when_it_is_earlier()
    {
        var fast = new SlaContract(new Dictionary<Priority, PriorityTargets> { [Priority.P1] = new(SlaTarget.Parse("15m")) });

        var deadlines = SlaClock.ComputeDeadlines(Ams("2026-11-21 10:00"), Priority.P1, fast, NlOffice, true, ThirtyMinutes);

        Assert.Equal(Ams("2026-11-21 10:15"), deadlines.ResponseDueAt);
    }

    [Fact]
    public void Inside_standby_the_business_rule_wins_when_it_is_earlier()
    {
        // Opened at 16:45 on a working day (e.g. a one-off standby period): 15 business minutes are due at 17:00.
        var contract = new SlaContract(new Dictionary<Priority, PriorityTargets> { [Priority.P1] = new(SlaTarget.Parse("0.25 business hours")) });

        var deadlines = SlaClock.ComputeDeadlines(Ams("2026-11-23 16:45"), Priority.P1, contract, NlOffice, true, ThirtyMinutes);

        Assert.Equal(Ams("2026-11-23 17:00"), deadlines.ResponseDueAt);
    }

    [Fact]
    public void A_priority_without_targets_has_no_deadlines_outside_standby()
    {
        var deadlines = SlaClock.ComputeDeadlines(Ams("2026-11-23 10:00"), Priority.P1, SlaContract.None, NlOffice, false, ThirtyMinutes);

        Assert.Equal(new SlaDeadlines(null, null), deadlines);
    }

    [Fact]
    public void A_priority_without_targets_is_still_due_within_the_standby_response_time()
    {
        var deadlines = SlaClock.ComputeDeadlines(Ams("2026-11-21 10:00"), Priority.P3, SlaContract.None, NlOffice, true, Duration.FromMinutes(20));

        Assert.Equal(new SlaDeadlines(Ams("2026-11-21 10:20"), null), deadlines);
    }

    [Fact]
    public void The_standby_response_time_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => SlaClock.ComputeDeadlines(Ams("2026-11-21 10:00"), Priority.P1, Acme, NlOffice, true, Duration.Zero));
    }

    [Theory]
    [InlineData(null, "2026-11-23 10:29", false)] // not yet due
    [InlineData(null, "2026-11-23 10:30", false)] // an acknowledgement now would still be in time
    [InlineData(null, "2026-11-23 10:31", true)]
    [InlineData("2026-11-23 10:30", "2026-11-23 12:00", false)] // acknowledged exactly at the deadline
    [InlineData("2026-11-23 10:31", "2026-11-23 12:00", true)] // acknowledged late
    public void Response_is_breached_when_not_acknowledged_by_the_deadline(string? acknowledged, string now, bool expected)
    {
        var deadlines = new SlaDeadlines(Ams("2026-11-23 10:30"), null);

        Assert.Equal(expected, SlaClock.IsResponseBreached(deadlines, acknowledged is null ? null : Ams(acknowledged), Ams(now)));
    }

    [Fact]
    public void Without_a_resolution_target_resolution_is_never_breached()
    {
        Assert.False(SlaClock.IsResolutionBreached(new SlaDeadlines(Ams("2026-11-23 10:30"), null), null, Ams("2027-01-01 00:00")));
    }

    [Fact]
    public void Resolution_is_breached_when_resolved_after_the_deadline()
    {
        var deadlines = new SlaDeadlines(null, Ams("2026-11-24 15:00"));

        Assert.True(SlaClock.IsResolutionBreached(deadlines, Ams("2026-11-24 15:01"), Ams("2026-11-25 00:00")));
    }
}
