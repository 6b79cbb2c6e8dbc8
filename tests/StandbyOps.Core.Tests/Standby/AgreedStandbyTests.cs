using NodaTime;
using StandbyOps.Core.Standby;
using static StandbyOps.Core.Tests.Standby.StandardStandby;

namespace StandbyOps.Core.Tests.Standby;

public class AgreedStandbyTests
{
    private static readonly AgreedStandby NightsAndMigration = new(
        new StandbyCoverage(Nights: true, Weekends: false, Holidays: false),
        [new StandbyPeriod(Local(2026, 12, 5, 8), Local(2026, 12, 5, 14), "migration")]);

    [Theory]
    [InlineData(2026, 11, 24, 23, 0, true)]    // Tuesday night
    [InlineData(2026, 11, 25, 8, 29, true)]    // last minute of the night
    [InlineData(2026, 11, 25, 8, 30, false)]   // office time
    [InlineData(2026, 11, 21, 12, 0, false)]   // Saturday daytime is not covered by nights
    [InlineData(2026, 12, 5, 10, 0, true)]     // the one-off migration
    [InlineData(2026, 12, 5, 14, 0, false)]    // its end is exclusive
    public void Contains_says_whether_a_customer_is_inside_agreed_standby(int year, int month, int day, int hour, int minute, bool expected)
    {
        Assert.Equal(expected, NightsAndMigration.Contains(Local(year, month, day, hour, minute), NlTerms()));
    }

    [Fact]
    public void Contains_is_measured_on_the_minute_like_billing()
    {
        var lastSecond = Local(2026, 11, 25, 8, 29) + Duration.FromSeconds(59);

        Assert.True(NightsAndMigration.Contains(lastSecond, NlTerms()));
    }

    [Fact]
    public void Resolve_merges_a_one_off_period_with_the_coverage_it_overlaps()
    {
        var agreed = new AgreedStandby(
            new StandbyCoverage(Nights: true, Weekends: false, Holidays: false),
            [new StandbyPeriod(Local(2026, 11, 24, 16), Local(2026, 11, 24, 20))]);

        var resolved = agreed.Resolve(Period(Local(2026, 11, 24, 12), Local(2026, 11, 25, 12)), NlTerms());

        Assert.Equal([Period(Local(2026, 11, 24, 16), Local(2026, 11, 25, 8, 30))], resolved);
    }

    [Fact]
    public void An_inverted_standby_period_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new StandbyPeriod(Local(2026, 11, 24, 20), Local(2026, 11, 24, 18)));

        Assert.Contains("before it starts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_length_standby_period_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new StandbyPeriod(Local(2026, 11, 24, 20), Local(2026, 11, 24, 20)));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_reads_the_nights_of_the_terms_it_is_given()
    {
        var lateNights = NlTerms(new NightHours(new LocalTime(22, 0), new LocalTime(6, 0)));

        Assert.Equal((true, false), (NightsAndMigration.Contains(Local(2026, 11, 24, 20), NlTerms()), NightsAndMigration.Contains(Local(2026, 11, 24, 20), lateNights)));
    }
}
