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

    [Theory]
    [InlineData("\"20:00\"", "\"23:00\"", "18:00", "08:30", "20:00-23:00 lies inside the night 18:00-08:30")]
    [InlineData("\"01:00\"", "\"05:00\"", "18:00", "08:30", "01:00-05:00 lies inside the night 18:00-08:30")]
    [InlineData("\"21:30\"", "\"22:00\"", "21:00", "23:00", "21:30-22:00 lies inside the night 21:00-23:00")]
    public void A_weekend_range_inside_the_night_is_an_error_where_the_weekend_is_written(string from, string to, string nightFrom, string nightTo, string inside)
    {
        var result = Loading.Load($$"""
            rateCards:
              std:
                currency: EUR
                hourlyRate: 100
                vatPercent: 21
                night: { from: "{{nightFrom}}", to: "{{nightTo}}" }
                weekend: { days: [sat, sun], from: {{from}}, to: {{to}} }
            """);

        result.SingleError().AssertAt(7, ["rate card 'std'", inside, "cut it in two"], ["starts before or ends after the night"]);
    }

    [Fact]
    public void A_night_that_swallows_the_default_weekend_daytime_is_an_error_at_the_night()
    {
        var result = Loading.Load("""
            rateCards:
              std:
                currency: EUR
                hourlyRate: 100
                vatPercent: 21
                night: { from: "06:00", to: "20:00" }
            """);

        result.SingleError().AssertAt(6, ["08:30-18:00 lies inside the night 06:00-20:00"], ["starts before or ends after the night"]);
    }

    [Theory]
    [InlineData("\"08:30\"", "\"18:00\"")]   // meets the night at both ends (DOMAIN.md)
    [InlineData("\"06:00\"", "\"20:00\"")]   // overlaps the end of one night and the start of the next
    [InlineData("\"18:00\"", "\"23:00\"")]   // starts with the night: weekend daytime wins the evening
    public void A_weekend_range_that_only_overlaps_the_ends_of_a_night_is_valid(string from, string to)
    {
        Loading.Load($$"""
            rateCards:
              std: { currency: EUR, hourlyRate: 100, vatPercent: 21, weekend: { from: {{from}}, to: {{to}} } }
            """).Valid();
    }

    [Fact]
    public void A_minimum_that_is_not_a_whole_number_of_minutes_is_an_error()
    {
        var result = Loading.Load("""
            rateCards:
              std:
                currency: EUR
                hourlyRate: 100
                vatPercent: 21
                callout: { percent: 100, minimumHours: 0.33 }
            """);

        result.SingleError().AssertAt(6, ["minimumHours", "not a whole number of minutes"], ["0.25 (15 minutes)"]);
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
