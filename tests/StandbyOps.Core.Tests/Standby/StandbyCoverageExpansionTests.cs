using NodaTime;
using StandbyOps.Core.Standby;
using static StandbyOps.Core.Tests.Standby.StandardStandby;

namespace StandbyOps.Core.Tests.Standby;

public class StandbyCoverageExpansionTests
{
    private static readonly Interval Week = Period(Local(2026, 11, 16, 0), Local(2026, 11, 23, 0));

    [Fact]
    public void Nights_cover_every_evening_to_the_next_morning()
    {
        var covered = new StandbyCoverage(Nights: true, Weekends: false, Holidays: false).Expand(Week, NlTerms());

        // Sunday night runs past the range, and the night before Monday reaches into it.
        Assert.Equal(8, covered.Count);
        Assert.Equal(Period(Local(2026, 11, 16, 0), Local(2026, 11, 16, 8, 30)), covered[0]);
        Assert.Equal(Period(Local(2026, 11, 16, 18), Local(2026, 11, 17, 8, 30)), covered[1]);
        Assert.Equal(Period(Local(2026, 11, 22, 18), Local(2026, 11, 23, 0)), covered[^1]);
    }

    [Fact]
    public void Weekends_cover_only_the_weekend_daytime()
    {
        var covered = new StandbyCoverage(Nights: false, Weekends: true, Holidays: false).Expand(Week, NlTerms());

        Assert.Equal(
            [Period(Local(2026, 11, 21, 8, 30), Local(2026, 11, 21, 18)), Period(Local(2026, 11, 22, 8, 30), Local(2026, 11, 22, 18))],
            covered);
    }

    [Fact]
    public void Nights_weekends_and_holidays_together_cover_everything_outside_office_hours_as_one_stretch_per_weekend()
    {
        var covered = StandbyCoverage.All.Expand(Week, NlTerms());

        Assert.Contains(Period(Local(2026, 11, 20, 18), Local(2026, 11, 23, 0)), covered);
    }

    [Fact]
    public void Holidays_cover_whole_holiday_dates()
    {
        var range = Period(Local(2026, 12, 24, 0), Local(2026, 12, 28, 0));

        var covered = new StandbyCoverage(Nights: false, Weekends: false, Holidays: true).Expand(range, NlTerms());

        Assert.Equal([Period(Local(2026, 12, 25, 0), Local(2026, 12, 27, 0))], covered);
    }

    [Fact]
    public void Night_coverage_also_covers_the_evening_of_a_holiday()
    {
        var range = Period(Local(2026, 12, 25, 0), Local(2026, 12, 26, 0));

        var covered = new StandbyCoverage(Nights: true, Weekends: false, Holidays: false).Expand(range, NlTerms());

        Assert.Contains(Period(Local(2026, 12, 25, 18), Local(2026, 12, 26, 0)), covered);
    }

    [Fact]
    public void No_coverage_expands_to_nothing()
    {
        Assert.Empty(StandbyCoverage.None.Expand(Week, NlTerms()));
    }
}
