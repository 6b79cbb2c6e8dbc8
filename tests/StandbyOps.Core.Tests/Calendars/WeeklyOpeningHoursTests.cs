using NodaTime;
using StandbyOps.Core.Calendars;

namespace StandbyOps.Core.Tests.Calendars;

public class WeeklyOpeningHoursTests
{
    [Fact]
    public void Overlapping_ranges_on_a_day_are_rejected_with_both_ranges_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new WeeklyOpeningHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningRange>>
        {
            [IsoDayOfWeek.Monday] = OpeningRange.ParseList("08:30-12:00,11:00-17:00"),
        }));

        Assert.Contains("08:30-12:00 and 11:00-17:00 on Monday overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Touching_ranges_are_allowed()
    {
        var hours = WeeklyOpeningHours.MondayToFriday([.. OpeningRange.ParseList("08:30-12:00,12:00-17:00")]);

        Assert.Equal(2, hours.For(IsoDayOfWeek.Monday).Count);
    }

    [Fact]
    public void Ranges_are_kept_sorted_by_start()
    {
        var hours = WeeklyOpeningHours.MondayToFriday([.. OpeningRange.ParseList("13:00-17:00,08:30-12:00")]);

        Assert.Equal(["08:30-12:00", "13:00-17:00"], hours.For(IsoDayOfWeek.Friday).Select(r => r.ToString()));
    }

    [Fact]
    public void A_week_without_any_opening_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new WeeklyOpeningHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningRange>>()));
    }

    [Fact]
    public void One_business_day_is_the_regular_weekday_opening()
    {
        Assert.Equal(Duration.FromMinutes(8 * 60 + 30), WeeklyOpeningHours.MondayToFriday(OpeningRange.Parse("08:30-17:00")).RegularDayLength);
    }

    [Fact]
    public void One_business_day_sums_the_ranges_of_a_day()
    {
        var hours = WeeklyOpeningHours.MondayToFriday([.. OpeningRange.ParseList("08:30-12:00,13:00-17:00")]);

        Assert.Equal(Duration.FromMinutes(7 * 60 + 30), hours.RegularDayLength);
    }

    [Fact]
    public void One_business_day_is_the_most_common_weekday_length_when_days_differ()
    {
        var friday = new[] { OpeningRange.Parse("08:30-13:00") };
        var longDay = new[] { OpeningRange.Parse("08:30-17:00") };
        var hours = new WeeklyOpeningHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningRange>>
        {
            [IsoDayOfWeek.Monday] = longDay,
            [IsoDayOfWeek.Tuesday] = longDay,
            [IsoDayOfWeek.Wednesday] = longDay,
            [IsoDayOfWeek.Thursday] = longDay,
            [IsoDayOfWeek.Friday] = friday,
            [IsoDayOfWeek.Saturday] = friday,
        });

        Assert.Equal(Duration.FromMinutes(8 * 60 + 30), hours.RegularDayLength);
    }
}
