using System.Text.RegularExpressions;
using StandbyOps.Configuration.Reading;
using StandbyOps.Core;
using StandbyOps.Core.Standby;

namespace StandbyOps.Configuration.RateCards;

/// <summary>Reads one entry of <c>rateCards:</c>.</summary>
internal static partial class RateCardSection
{
    private const decimal MaxPercent = 1000m;
    private static readonly string[] Keys = ["currency", "hourlyRate", "vatPercent", "holiday", "weekend", "night", "callout"];
    private static readonly string[] HolidayKeys = ["percent", "minimumHours"];
    private static readonly string[] WeekendKeys = ["days", "from", "to", "percent", "minimumHours"];
    private static readonly string[] NightKeys = ["from", "to", "percent", "minimumHours"];

    public static RateCardConfig? Read(ConfigReader reader, string id, MappingReader.Entry entry)
    {
        if (reader.Mapping(entry.Value, entry.KeyMark, $"rate card '{id}'", Keys) is not { } card)
        {
            return null;
        }

        var currency = card.Parse("currency", ParseCurrency, "EUR", "EUR");
        var hourlyRate = card.Decimal("hourlyRate", 0m, 0m, 1_000_000m, "95.00");
        var vatPercent = card.Decimal("vatPercent", 0m, 0m, 100m, "21");

        var holiday = HolidayRateConfig.Default;
        if (card.Mapping("holiday", $"holiday of {card.What}", HolidayKeys) is { } h)
        {
            holiday = new HolidayRateConfig(Percent(h, holiday.Percent), MinimumHours(h, holiday.MinimumHours));
        }

        var callout = CalloutRateConfig.Default;
        if (card.Mapping("callout", $"callout of {card.What}", HolidayKeys) is { } c)
        {
            callout = new CalloutRateConfig(Percent(c, callout.Percent), MinimumHours(c, callout.MinimumHours));
        }

        var weekend = ReadWeekend(card);
        var night = ReadNight(card);
        RequireWeekendFitsNight(card, weekend, night);
        return new RateCardConfig(id, currency, hourlyRate, vatPercent, holiday, weekend, night, callout);
    }

    /// <summary>The rate card's own rule (<see cref="WeekendHours.SplitProblem"/>): weekend daytime may not lie inside a night.</summary>
    private static void RequireWeekendFitsNight(MappingReader card, WeekendRateConfig weekend, NightRateConfig night)
    {
        // A weekend range that ends before it starts is reported already.
        if (weekend.To <= weekend.From)
        {
            return;
        }

        if (WeekendHours.SplitProblem(weekend.Days, weekend.From, weekend.To, night.From, night.To) is { } problem)
        {
            card.Reader.Error(card.MarkOf(card.Has("weekend") ? "weekend" : "night"),
                $"{card.What}: {problem}",
                "move the weekend range so it starts before or ends after the night, e.g. weekend from: \"08:30\", to: \"18:00\" with night from: \"18:00\", to: \"08:30\"");
        }
    }

    private static WeekendRateConfig ReadWeekend(MappingReader card)
    {
        var weekend = WeekendRateConfig.Default;
        if (card.Mapping("weekend", $"weekend of {card.What}", WeekendKeys) is not { } w)
        {
            return weekend;
        }

        var days = w.Has("days") ? w.ParseList("days", DayNames.Parse).SelectMany(d => d).Distinct().ToList() : weekend.Days;
        var from = w.Parse("from", TimeText.ParseTime, weekend.From);
        var to = w.Parse("to", TimeText.ParseTime, weekend.To);
        if (to <= from)
        {
            card.Reader.Error(w.MarkOf(w.Has("to") ? "to" : "from"),
                $"weekend range {TimeText.Format(from)}-{TimeText.Format(to)} of {card.What} ends before it starts",
                "weekend daytime lies within one day: make 'to' later than 'from' (the night category covers the evening)");
        }

        return new WeekendRateConfig(days, from, to, Percent(w, weekend.Percent), MinimumHours(w, weekend.MinimumHours));
    }

    private static NightRateConfig ReadNight(MappingReader card)
    {
        var night = NightRateConfig.Default;
        if (card.Mapping("night", $"night of {card.What}", NightKeys) is not { } n)
        {
            return night;
        }

        var from = n.Parse("from", TimeText.ParseTime, night.From);
        var to = n.Parse("to", TimeText.ParseTime, night.To);
        if (from == to)
        {
            card.Reader.Error(n.MarkOf(n.Has("to") ? "to" : "from"),
                $"night range of {card.What} starts and ends at {TimeText.Format(from)}",
                "a night runs from the evening to the next morning, e.g. from: \"18:00\", to: \"08:30\"");
        }

        return new NightRateConfig(from, to, Percent(n, night.Percent), MinimumHours(n, night.MinimumHours));
    }

    private static decimal Percent(MappingReader category, decimal fallback) =>
        category.Decimal("percent", fallback, 0m, MaxPercent);

    private static decimal MinimumHours(MappingReader category, decimal fallback) =>
        category.Parse("minimumHours", ParseMinimumHours, fallback);

    /// <summary>0 to 24 hours in whole minutes: billing runs on a minute grid (<see cref="Preconditions.IsWholeMinutesOfHours"/>, the rate card's own rule).</summary>
    private static Parsed<decimal> ParseMinimumHours(string text)
    {
        var parsed = MappingReader.ParseDecimal(text, 0m, 24m);
        return parsed.Ok && !Preconditions.IsWholeMinutesOfHours(parsed.Value)
            ? Parsed.Failure<decimal>("not a whole number of minutes", "billing counts whole minutes: write e.g. 0.5 (30 minutes) or 0.25 (15 minutes)")
            : parsed;
    }

    private static Parsed<string> ParseCurrency(string text) =>
        CurrencyPattern().IsMatch(text.Trim())
            ? Parsed.Success(text.Trim())
            : Parsed.Failure<string>("not an ISO 4217 currency code", "write three capital letters, e.g. EUR, USD or GBP");

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
