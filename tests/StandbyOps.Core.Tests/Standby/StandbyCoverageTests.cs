using StandbyOps.Core.Standby;

namespace StandbyOps.Core.Tests.Standby;

/// <summary>The one definition of standby coverage: its names as the configuration writes them.</summary>
public class StandbyCoverageTests
{
    [Fact]
    public void Config_names_are_read_case_insensitively_and_trimmed()
    {
        Assert.Equal(new StandbyCoverage(true, false, true), StandbyCoverage.FromNames(["nights", " Holidays "]));
    }

    [Fact]
    public void Every_name_together_is_all_time_outside_office_hours()
    {
        Assert.Equal(StandbyCoverage.All, StandbyCoverage.FromNames(StandbyCoverage.Names));
    }

    [Fact]
    public void A_name_given_twice_counts_once()
    {
        Assert.Equal(new StandbyCoverage(false, true, false), StandbyCoverage.FromNames(["weekends", "WEEKENDS"]));
    }

    [Fact]
    public void No_names_is_no_recurring_standby()
    {
        var coverage = StandbyCoverage.FromNames([]);

        Assert.Equal((StandbyCoverage.None, true), (coverage, coverage.IsEmpty));
        Assert.False(StandbyCoverage.FromNames(["nights"]).IsEmpty);
    }

    [Theory]
    [InlineData("evenings")]
    [InlineData("")]
    [InlineData("night")]
    public void An_unknown_config_name_is_rejected_and_named(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => StandbyCoverage.FromNames([name]));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }
}
