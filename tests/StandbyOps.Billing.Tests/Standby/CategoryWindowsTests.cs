using NodaTime;
using StandbyOps.Billing.Rates;
using StandbyOps.Billing.Standby;
using static StandbyOps.Billing.Tests.Support.Standard;

namespace StandbyOps.Billing.Tests.Standby;

public class CategoryWindowsTests
{
    [Fact]
    public void An_ordinary_week_has_seven_nights_and_two_weekend_days_in_local_order()
    {
        var windows = CategoryWindows.Between(new LocalDate(2026, 11, 16), new LocalDate(2026, 11, 23), NlTerms());

        Assert.Equal(7, windows.Count(w => w.Category == BillingCategory.Night));
        Assert.Equal(2, windows.Count(w => w.Category == BillingCategory.Weekend));
        Assert.Equal(windows.OrderBy(w => w.Start), windows);
    }

    [Fact]
    public void Windows_never_overlap()
    {
        var windows = CategoryWindows.Between(new LocalDate(2026, 3, 1), new LocalDate(2026, 12, 31), NlTerms());

        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start, $"{pair.First} overlaps {pair.Second}"));
    }

    [Fact]
    public void A_weekend_range_that_overlaps_the_night_wins_the_overlap()
    {
        var weekend = new WeekendRate([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], new LocalTime(8, 0), new LocalTime(20, 0), 50m, 4m);
        var terms = NlTerms(StandardCard(weekend: weekend));

        var windows = CategoryWindows.Between(new LocalDate(2026, 11, 21), new LocalDate(2026, 11, 22), terms);

        Assert.Equal([BillingCategory.Weekend, BillingCategory.Night], windows.Select(w => w.Category));
        Assert.Equal(new LocalDateTime(2026, 11, 21, 20, 0), windows[1].LocalStart);
        Assert.Equal(new LocalDateTime(2026, 11, 22, 8, 0), windows[1].LocalEnd);
    }

    [Fact]
    public void A_night_range_that_starts_in_the_spring_gap_starts_at_the_end_of_the_gap()
    {
        // 02:30 does not exist in Amsterdam on 29 March 2026: it moves forward by the gap, to 03:30 CEST.
        var terms = NlTerms(StandardCard(night: new NightRate(new LocalTime(2, 30), new LocalTime(6, 0), 100m, 2m)));

        var night = Assert.Single(CategoryWindows.Between(new LocalDate(2026, 3, 29), new LocalDate(2026, 3, 30), terms), w => w.Category == BillingCategory.Night);

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), night.Start);
        Assert.Equal(Duration.FromMinutes(150), night.Length);
    }

    [Fact]
    public void A_night_range_that_starts_in_the_autumn_overlap_takes_the_earlier_instant()
    {
        // 02:30 happens twice in Amsterdam on 25 October 2026: the first (CEST, 00:30 UTC) is used.
        var terms = NlTerms(StandardCard(night: new NightRate(new LocalTime(2, 30), new LocalTime(6, 0), 100m, 2m)));

        var night = Assert.Single(CategoryWindows.Between(new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 26), terms), w => w.Category == BillingCategory.Night);

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), night.Start);
        Assert.Equal(Duration.FromMinutes(270), night.Length);
    }

    [Fact]
    public void An_inverted_date_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => CategoryWindows.Between(new LocalDate(2026, 11, 2), new LocalDate(2026, 11, 1), NlTerms()));
    }
}
