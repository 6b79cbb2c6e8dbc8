using NodaTime;
using StandbyOps.Configuration.RateCards;

namespace StandbyOps.Configuration.Tests.RateCards;

public sealed class RateCardSectionTests
{
    [Fact]
    public void Categories_left_out_take_the_domain_defaults()
    {
        var card = Loading.Load("""
            rateCards:
              lean: { currency: USD, hourlyRate: 120.50, vatPercent: 0 }
            """).Valid().RateCards["lean"];

        Assert.Equal(("USD", 120.50m, 0m), (card.Currency, card.HourlyRate, card.VatPercent));
        Assert.Equal(HolidayRateConfig.Default, card.Holiday);
        Assert.Same(WeekendRateConfig.Default, card.Weekend);
        Assert.Equal(NightRateConfig.Default, card.Night);
        Assert.Equal(CalloutRateConfig.Default, card.Callout);
    }

    [Fact]
    public void A_category_key_left_out_keeps_its_default()
    {
        var card = Loading.Load("""
            rateCards:
              std: { currency: EUR, hourlyRate: 100, vatPercent: 21, weekend: { percent: 75 } }
            """).Valid().RateCards["std"];

        Assert.Equal((75m, 4m, new LocalTime(8, 30)), (card.Weekend.Percent, card.Weekend.MinimumHours, card.Weekend.From));
    }

    [Fact]
    public void A_weekend_range_that_ends_before_it_starts_is_an_error()
    {
        var result = Loading.Load("""
            rateCards:
              std:
                currency: EUR
                hourlyRate: 100
                vatPercent: 21
                weekend: { from: "18:00", to: "08:30" }
            """);

        result.SingleError().AssertAt(6, ["weekend range 18:00-08:30", "ends before it starts"], ["'to' later than 'from'"]);
    }

    [Fact]
    public void A_night_range_may_run_past_midnight()
    {
        var card = Loading.Load("""
            rateCards:
              std: { currency: EUR, hourlyRate: 100, vatPercent: 21, night: { from: "20:00", to: "07:00" } }
            """).Valid().RateCards["std"];

        Assert.True(card.Night.CrossesMidnight);
        Assert.Equal(new LocalTime(7, 0), card.Night.To);
    }

    [Fact]
    public void A_night_that_starts_and_ends_at_the_same_time_is_an_error()
    {
        var result = Loading.Load("""
            rateCards:
              std: { currency: EUR, hourlyRate: 100, vatPercent: 21, night: { from: "18:00", to: "18:00" } }
            """);

        result.SingleError().AssertAt(2, ["night range", "starts and ends at 18:00"], ["\"18:00\""]);
    }

    [Fact]
    public void A_decimal_comma_in_money_is_an_error()
    {
        var result = Loading.Load("""
            rateCards:
              std:
                currency: EUR
                hourlyRate: 95,00
                vatPercent: 21
            """);

        result.SingleError().AssertAt(4, ["invalid hourlyRate '95,00'", "decimal separator"], ["'.'"]);
    }

    [Fact]
    public void Vat_above_100_percent_is_an_error()
    {
        var result = Loading.Load("""
            rateCards:
              std: { currency: EUR, hourlyRate: 100, vatPercent: 121 }
            """);

        result.SingleError().AssertAt(2, ["invalid vatPercent '121'", "out of range"], ["from 0 to 100"]);
    }

    [Fact]
    public void A_lowercase_currency_is_an_error()
    {
        var result = Loading.Load("""
            rateCards:
              std: { currency: eur, hourlyRate: 100, vatPercent: 21 }
            """);

        result.SingleError().AssertAt(2, ["invalid currency 'eur'", "ISO 4217"], ["EUR"]);
    }

    [Fact]
    public void A_rate_card_without_an_hourly_rate_is_an_error()
    {
        var result = Loading.Load("""
            rateCards:
              std: { currency: EUR, vatPercent: 21 }
            """);

        result.SingleError().AssertAt(2, ["missing 'hourlyRate'", "rate card 'std'"], ["hourlyRate: 95.00"]);
    }
}
