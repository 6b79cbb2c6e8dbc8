using NodaTime;
using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Tests.Reading;

public sealed class DayNamesTests
{
    [Fact]
    public void A_range_covers_every_day_between_its_ends()
    {
        Assert.Equal(
            [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
            DayNames.Parse("mon-fri").Value);
    }

    [Fact]
    public void A_range_may_wrap_the_week()
    {
        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday], DayNames.Parse("fri-mon").Value);
    }

    [Fact]
    public void A_comma_list_names_single_days()
    {
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday], DayNames.Parse("mon,wed").Value);
    }

    [Theory]
    [InlineData("monday")]
    [InlineData("Mon")]
    [InlineData("mon-fri-sun")]
    [InlineData("mon,mon")]
    [InlineData("")]
    public void Other_names_are_rejected(string text)
    {
        Assert.False(DayNames.Parse(text).Ok);
    }
}
