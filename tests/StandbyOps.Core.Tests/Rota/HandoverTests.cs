using NodaTime;
using StandbyOps.Core.Rota;

namespace StandbyOps.Core.Tests.Rota;

public class HandoverTests
{
    [Fact]
    public void A_weekly_handover_parses_day_and_time()
    {
        Assert.Equal(new Handover(IsoDayOfWeek.Monday, new LocalTime(8, 30)), Handover.Parse("mon 08:30"));
    }

    [Fact]
    public void A_daily_handover_parses_a_time_alone()
    {
        Assert.Equal(new Handover(null, new LocalTime(8, 30)), Handover.Parse("08:30"));
    }

    [Fact]
    public void A_handover_prints_as_it_is_written()
    {
        Assert.Equal("sun 02:30", Handover.Parse("SUN 02:30").ToString());
    }

    [Theory]
    [InlineData("monday 08:30")]
    [InlineData("mon 8h30")]
    [InlineData("mon tue 08:30")]
    public void An_invalid_handover_is_a_format_error_naming_the_input(string text)
    {
        var error = Assert.Throws<FormatException>(() => Handover.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
