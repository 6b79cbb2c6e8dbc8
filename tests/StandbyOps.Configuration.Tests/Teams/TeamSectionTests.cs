using NodaTime;
using StandbyOps.Configuration.Teams;

namespace StandbyOps.Configuration.Tests.Teams;

public sealed class TeamSectionTests
{
    [Fact]
    public void A_phone_number_not_in_e164_is_an_error()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "06 1234 5678" }
            """);

        result.SingleError().AssertAt(5, ["invalid phone '06 1234 5678'", "engineer 'anna'", "E.164"], ["+31612345678"]);
    }

    [Fact]
    public void An_unknown_engineer_in_the_rotation_is_an_error_suggesting_the_nearest()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "+31612345671" }
                  bram: { name: Bram, phone: "+31612345672" }
                rotation:
                  every: week
                  handover: "mon 08:30"
                  order: [anna, bran]
                  start: "2026-01-05"
            """);

        result.SingleError().AssertAt(10, ["unknown engineer 'bran'", "rotation of team 'ops'"], ["did you mean 'bram'?", "anna, bram"]);
    }

    [Fact]
    public void An_unknown_engineer_in_an_escalation_step_is_an_error()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "+31612345671" }
                escalation:
                  - { after: 0m, notify: onCall }
                  - { after: 5m, notify: [anna, zoe] }
            """);

        result.SingleError().AssertAt(8, ["unknown engineer 'zoe'", "escalation step of team 'ops'"], ["engineers of team 'ops': anna"]);
    }

    [Fact]
    public void Notify_with_a_bare_engineer_name_is_an_error_that_shows_the_list_form()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "+31612345671" }
                escalation:
                  - { after: 0m, notify: anna }
            """);

        result.SingleError().AssertAt(7, ["invalid notify 'anna'"], ["write [anna]"]);
    }

    [Fact]
    public void A_weekly_rotation_without_a_handover_day_is_an_error()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                rotation: { every: week, handover: "08:30", order: [anna], start: "2026-01-05" }
            """);

        result.SingleError().AssertAt(5, ["invalid handover '08:30'", "needs a handover day"], ["\"mon 08:30\""]);
    }

    [Fact]
    public void A_daily_rotation_with_a_handover_day_is_an_error()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                duty: { every: day, handover: "tue 09:00", order: [anna], start: "2026-01-05" }
            """);

        result.SingleError().AssertAt(5, ["invalid handover 'tue 09:00'", "every day"], ["\"09:00\""]);
    }

    [Fact]
    public void A_bad_rotation_period_is_an_error_suggesting_week_or_day()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                rotation: { every: weeks, handover: "mon 08:30", order: [anna], start: "2026-01-05" }
            """);

        result.SingleError().AssertAt(5, ["invalid every 'weeks'"], ["did you mean 'week'?"]);
    }

    [Fact]
    public void Escalation_steps_out_of_order_are_an_error()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                escalation:
                  - { after: 10m, notify: onCall }
                  - { after: 5m, notify: onCall }
            """);

        result.SingleError().AssertAt(7, ["after 5m", "before the previous step (10m)"], ["in order of 'after'"]);
    }

    [Fact]
    public void A_bad_duration_is_an_error_listing_the_allowed_units()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                groupWait: 15 seconds
            """);

        result.SingleError().AssertAt(5, ["invalid groupWait '15 seconds'"], ["30s, 5m, 4h, 1d"]);
    }

    [Fact]
    public void A_team_without_escalation_pages_the_on_call_engineer_at_once()
    {
        var team = Loading.Load("""
            teams:
              ops:
                timeZone: America/New_York
                engineers: { anna: { name: Anna, phone: "+12125550123", timeZone: Europe/Amsterdam } }
            """).Valid().Teams["ops"];

        var step = Assert.Single(team.Escalation);
        Assert.Equal((Duration.Zero, EscalationTargetKind.OnCall), (step.After, step.Target));
        Assert.Equal(TeamConfig.DefaultGroupWait, team.GroupWait);
        Assert.Null(team.Rotation);
        Assert.Equal("Europe/Amsterdam", team.Engineers["anna"].Zone.Id);
    }

    [Fact]
    public void Backup_with_a_single_engineer_rotation_is_a_warning_only()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers: { anna: { name: Anna, phone: "+31612345671" } }
                rotation: { every: week, handover: "mon 08:30", order: [anna], start: "2026-01-05" }
                escalation:
                  - { after: 0m, notify: backup }
            """);

        result.SingleWarning().AssertAt(7, ["'backup'", "fewer than two engineers"], ["add engineers"]);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Two_engineers_on_one_phone_number_is_a_warning()
    {
        var result = Loading.Load("""
            teams:
              ops:
                timeZone: Europe/Amsterdam
                engineers:
                  anna: { name: Anna, phone: "+31612345671" }
                  bram: { name: Bram, phone: "+31612345671" }
            """);

        result.SingleWarning().AssertAt(2, ["'anna' and 'bram'", "+31612345671"], ["their own number"]);
    }

    [Fact]
    public void A_team_without_engineers_is_an_error()
    {
        var result = Loading.Load("""
            teams:
              ops: { timeZone: Europe/Amsterdam }
            """);

        result.SingleError().AssertAt(2, ["team 'ops' has no engineers"], ["engineers:"]);
    }
}
