using NodaTime;
using StandbyOps.Core.Holidays;
using StandbyOps.Core.Standby;
using static StandbyOps.Core.Tests.Standby.StandardStandby;

namespace StandbyOps.Core.Tests.Standby;

public class WeekendHoursTests
{
    private static readonly IsoDayOfWeek[] SatSun = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    [Theory]
    [InlineData("08:30", "18:00", "18:00", "08:30")]   // DOMAIN.md: weekend daytime meets the night at both ends
    [InlineData("06:00", "20:00", "18:00", "08:30")]   // overlaps the end of one night and the start of the next
    [InlineData("00:00", "00:00", "22:00", "06:00")]   // the whole day (00:00 as end is 24:00)
    public void A_weekend_range_that_only_overlaps_the_ends_of_a_night_fits(string from, string to, string nightFrom, string nightTo)
    {
        var problem = WeekendHours.SplitProblem(SatSun, Time(from), Time(to), Time(nightFrom), Time(nightTo));

        Assert.Null(problem);
    }

    [Theory]
    [InlineData("20:00", "23:00", "18:00", "08:30")]   // evening, inside the night on its own date
    [InlineData("01:00", "05:00", "18:00", "08:30")]   // small hours, inside the night that started the day before
    [InlineData("22:00", "23:00", "21:00", "23:30")]   // a night that does not cross midnight
    [InlineData("10:00", "12:00", "09:00", "17:00")]   // a daytime "night"
    public void A_weekend_range_inside_a_night_is_refused_by_the_one_rule(string from, string to, string nightFrom, string nightTo)
    {
        var problem = WeekendHours.SplitProblem(SatSun, Time(from), Time(to), Time(nightFrom), Time(nightTo));

        Assert.Contains("would cut it in two", problem, StringComparison.Ordinal);
        var weekend = new WeekendHours(SatSun, Time(from), Time(to));
        var error = Assert.Throws<ArgumentException>(() => new StandbyTerms(Amsterdam, new NightHours(Time(nightFrom), Time(nightTo)), weekend, HolidayCalendar.None));
        Assert.Contains($"{from}-{to} lies inside the night {nightFrom}-{nightTo}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_weekend_days_nothing_can_be_cut()
    {
        Assert.Null(WeekendHours.SplitProblem([], Time("20:00"), Time("23:00"), Time("18:00"), Time("08:30")));
    }

    private static LocalTime Time(string text) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).Value;
}
