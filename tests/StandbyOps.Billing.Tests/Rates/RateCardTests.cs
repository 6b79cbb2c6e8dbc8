using NodaTime;
using StandbyOps.Billing.Rates;
using static StandbyOps.Billing.Tests.Support.Standard;

namespace StandbyOps.Billing.Tests.Rates;

public class RateCardTests
{
    [Fact]
    public void RateOf_returns_each_categorys_percentage_and_minimum()
    {
        var card = StandardCard();

        Assert.Equal((100m, 8m), (card.RateOf(BillingCategory.Holiday).Percent, card.RateOf(BillingCategory.Holiday).MinimumHours));
        Assert.Equal((50m, 4m), (card.RateOf(BillingCategory.Weekend).Percent, card.RateOf(BillingCategory.Weekend).MinimumHours));
        Assert.Equal((100m, 2m), (card.RateOf(BillingCategory.Night).Percent, card.RateOf(BillingCategory.Night).MinimumHours));
        Assert.Equal((100m, 1m), (card.RateOf(BillingCategory.Callout).Percent, card.RateOf(BillingCategory.Callout).MinimumHours));
    }

    [Fact]
    public void A_weekend_range_inside_the_night_is_rejected_because_it_would_split_a_night()
    {
        var weekend = new WeekendRate([IsoDayOfWeek.Saturday], new LocalTime(20, 0), new LocalTime(22, 0), 50m, 4m);

        var error = Assert.Throws<ArgumentException>(() => StandardCard(weekend: weekend));

        Assert.Contains("cut it in two", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weekend_range_overlapping_only_the_end_of_a_night_is_accepted()
    {
        var weekend = new WeekendRate([IsoDayOfWeek.Saturday], new LocalTime(8, 0), new LocalTime(18, 0), 50m, 4m);

        Assert.Equal(new LocalTime(8, 0), StandardCard(weekend: weekend).Weekend.From);
    }

    [Fact]
    public void A_weekend_range_ending_at_midnight_means_the_end_of_the_day()
    {
        var weekend = new WeekendRate([IsoDayOfWeek.Saturday], new LocalTime(8, 30), LocalTime.Midnight, 50m, 4m);

        Assert.Equal(LocalTime.Midnight, weekend.To);
    }

    [Fact]
    public void An_inverted_weekend_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new WeekendRate([IsoDayOfWeek.Saturday], new LocalTime(18, 0), new LocalTime(8, 30), 50m, 4m));
    }

    [Fact]
    public void An_empty_night_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new NightRate(new LocalTime(18, 0), new LocalTime(18, 0), 100m, 2m));
    }

    [Fact]
    public void A_minimum_that_is_not_a_whole_number_of_minutes_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new CategoryRate(100m, 1.001m));
    }

    [Fact]
    public void A_negative_percentage_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CategoryRate(-1m, 1m));
    }

    [Fact]
    public void A_range_time_with_seconds_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new NightRate(new LocalTime(18, 0, 30), new LocalTime(8, 30), 100m, 2m));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void A_currency_that_is_not_an_iso_code_is_rejected(string currency)
    {
        var card = StandardCard();

        Assert.Throws<ArgumentException>(() => new RateCard(currency, 100m, 21m, card.Holiday, card.Weekend, card.Night, card.Callout));
    }

    [Fact]
    public void Vat_above_one_hundred_percent_is_rejected()
    {
        var card = StandardCard();

        Assert.Throws<ArgumentException>(() => new RateCard("EUR", 100m, 121m, card.Holiday, card.Weekend, card.Night, card.Callout));
    }
}
