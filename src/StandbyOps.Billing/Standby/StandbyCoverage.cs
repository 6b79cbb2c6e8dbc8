using NodaTime;

namespace StandbyOps.Billing.Standby;

/// <summary>A contract's recurring agreed standby: any of nights, weekends and holidays (config <c>standby.coverage</c>).</summary>
/// <remarks>
/// Coverage follows the time-of-day patterns, not the category that wins by precedence: <c>nights</c> covers
/// every night from–to, also on holidays and weekends; <c>weekends</c> covers the weekend days' daytime range,
/// also when such a day is a holiday; <c>holidays</c> covers whole holiday dates. The covered time is then
/// billed at whichever category it falls in (the evening of Christmas Day under <c>nights</c> is Holiday time).
/// </remarks>
public sealed record StandbyCoverage(bool Nights, bool Weekends, bool Holidays)
{
    /// <summary>No recurring standby: only one-off periods are agreed.</summary>
    public static StandbyCoverage None { get; } = new(false, false, false);

    /// <summary>Nights, weekends and holidays: all time outside office hours.</summary>
    public static StandbyCoverage All { get; } = new(true, true, true);

    /// <summary>Reads config names (<c>nights</c>, <c>weekends</c>, <c>holidays</c>, any case).</summary>
    public static StandbyCoverage FromNames(IEnumerable<string> names)
    {
        bool nights = false, weekends = false, holidays = false;
        foreach (var name in Preconditions.NotNull(names, nameof(names)))
        {
            switch (name?.Trim().ToUpperInvariant())
            {
                case "NIGHTS":
                    nights = true;
                    break;
                case "WEEKENDS":
                    weekends = true;
                    break;
                case "HOLIDAYS":
                    holidays = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown standby coverage '{name}'; use nights, weekends or holidays.", nameof(names));
            }
        }

        return new StandbyCoverage(nights, weekends, holidays);
    }

    /// <summary>Whether anything is covered.</summary>
    public bool IsEmpty => !Nights && !Weekends && !Holidays;

    /// <summary>The covered time inside <paramref name="range"/>, as a sorted union of disjoint intervals on the minute grid.</summary>
    public IReadOnlyList<Interval> Expand(Interval range, ContractTerms terms)
    {
        IntervalUnion.RequireBounded(range, nameof(range));
        Preconditions.NotNull(terms, nameof(terms));
        if (IsEmpty)
        {
            return [];
        }

        var card = terms.RateCard;
        var first = range.Start.InZone(terms.Zone).Date.PlusDays(-1);
        var last = range.End.InZone(terms.Zone).Date.PlusDays(1);
        var covered = new List<Interval>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (Holidays && terms.Holidays.IsHoliday(date))
            {
                AddClipped(covered, terms, range, date.AtMidnight(), date.PlusDays(1).AtMidnight());
            }

            if (Weekends && CategoryWindows.IsWeekendDay(card.Weekend, date))
            {
                var (start, end) = CategoryWindows.WeekendSpan(card.Weekend, date);
                AddClipped(covered, terms, range, start, end);
            }

            if (Nights)
            {
                var (start, end) = CategoryWindows.NightSpan(card.Night, date);
                AddClipped(covered, terms, range, start, end);
            }
        }

        return IntervalUnion.Of(covered);
    }

    private static void AddClipped(List<Interval> covered, ContractTerms terms, Interval range, LocalDateTime localStart, LocalDateTime localEnd)
    {
        var start = ZoneTime.ToInstant(terms.Zone, localStart);
        var end = ZoneTime.ToInstant(terms.Zone, localEnd);
        if (end > start && IntervalUnion.Clip(new Interval(start, end), range) is { } clipped)
        {
            covered.Add(clipped);
        }
    }
}
