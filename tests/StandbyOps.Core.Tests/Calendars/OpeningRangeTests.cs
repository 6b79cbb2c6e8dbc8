using NodaTime;
using StandbyOps.Core.Calendars;

namespace StandbyOps.Core.Tests.Calendars;

public class OpeningRangeTests
{
    [Fact]
    public void A_range_parses_from_hh_mm_dash_hh_mm()
    {
        Assert.Equal(new OpeningRange(new LocalTime(8, 30), new LocalTime(17, 0)), OpeningRange.Parse("08:30-17:00"));
    }

    [Fact]
    public void Twenty_four_hundred_is_the_end_of_the_day()
    {
        var range = OpeningRange.Parse("18:00-24:00");

        Assert.True(range.EndsAtMidnight);
        Assert.Equal(Duration.FromHours(6), range.Length);
        Assert.Equal("18:00-24:00", range.ToString());
    }

    [Fact]
    public void A_list_of_ranges_parses_from_comma_separated_text()
    {
        var ranges = OpeningRange.ParseList("08:30-12:00, 13:00-17:00");

        Assert.Equal(["08:30-12:00", "13:00-17:00"], ranges.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData(17, 0, 8, 30)]
    [InlineData(9, 0, 9, 0)]
    public void A_range_must_start_before_it_ends(int fromHour, int fromMinute, int toHour, int toMinute)
    {
        var error = Assert.Throws<ArgumentException>(() => new OpeningRange(new LocalTime(fromHour, fromMinute), new LocalTime(toHour, toMinute)));

        Assert.Contains("must start before it ends", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("08:30")]
    [InlineData("8h-17h")]
    [InlineData("17:00-08:30")]
    [InlineData("08:30-25:00")]
    public void Malformed_range_text_is_a_format_error_naming_the_input(string text)
    {
        var error = Assert.Throws<FormatException>(() => OpeningRange.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
