using NodaTime;
using StandbyOps.Core.Holidays;

namespace StandbyOps.Core.Tests.Holidays;

public class EasterTests
{
    [Theory]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    [InlineData(1818, 3, 22)] // earliest possible date
    [InlineData(2038, 4, 25)] // latest possible date
    [InlineData(2000, 4, 23)]
    public void Easter_sunday_follows_the_gregorian_computus(int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), Easter.Sunday(year));
    }

    [Fact]
    public void Easter_is_always_a_sunday_between_22_march_and_25_april()
    {
        for (var year = 1900; year <= 2200; year++)
        {
            var easter = Easter.Sunday(year);
            Assert.Equal(IsoDayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new LocalDate(year, 3, 22), new LocalDate(year, 4, 25));
        }
    }

    [Fact]
    public void Years_before_the_gregorian_calendar_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(1500));
    }
}
