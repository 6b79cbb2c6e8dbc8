using NodaTime;
using StandbyOps.Billing.Rates;

namespace StandbyOps.Billing.Standby;

/// <summary>Cuts local time into category windows, precedence Holiday &gt; Weekend &gt; Night &gt; Office; office time has no window.</summary>
/// <remarks>
/// For every date D: a holiday D is one Holiday window 00:00–24:00; otherwise a weekend day D has one Weekend
/// window from–to. The night that starts on D (from D night.from to night.to, the next morning when overnight)
/// loses every part that lies on a holiday date or inside a weekend window: a night running into a holiday ends
/// at midnight, and a night starting on a holiday begins at midnight. What is left is one Night window.
/// Windows never overlap and are returned in local (and so instant) order.
/// </remarks>
public static class CategoryWindows
{
    /// <summary>The windows whose local start date lies in [<paramref name="from"/>, <paramref name="toExclusive"/>).</summary>
    public static IReadOnlyList<CategoryWindow> Between(LocalDate from, LocalDate toExclusive, ContractTerms terms)
    {
        Preconditions.NotNull(terms, nameof(terms));
        Preconditions.Require(from <= toExclusive, nameof(toExclusive), $"The date range {from}..{toExclusive} is inverted.");

        var card = terms.RateCard;
        var firstAnchor = from.PlusDays(-1);
        var dayCount = Period.DaysBetween(firstAnchor, toExclusive) + 1;
        var holiday = new bool[dayCount + 1];
        for (var i = 0; i < holiday.Length; i++)
        {
            holiday[i] = terms.Holidays.IsHoliday(firstAnchor.PlusDays(i));
        }

        var windows = new List<CategoryWindow>(dayCount * 2);
        var pieces = new List<(LocalDateTime Start, LocalDateTime End)>(2);
        for (var i = 0; i < dayCount; i++)
        {
            var date = firstAnchor.PlusDays(i);
            if (holiday[i])
            {
                Add(windows, terms, from, toExclusive, BillingCategory.Holiday, date.AtMidnight(), date.PlusDays(1).AtMidnight());
            }
            else if (card.Weekend.Hours.IsWeekendDay(date))
            {
                var (start, end) = card.Weekend.Hours.On(date);
                Add(windows, terms, from, toExclusive, BillingCategory.Weekend, start, end);
            }

            NightPieces(card, date, holiday[i], holiday[i + 1], pieces);
            foreach (var (start, end) in pieces)
            {
                Add(windows, terms, from, toExclusive, BillingCategory.Night, start, end);
            }
        }

        windows.Sort(static (a, b) => a.LocalStart.CompareTo(b.LocalStart));
        return windows;
    }

    private static void NightPieces(
        RateCard card,
        LocalDate date,
        bool dateIsHoliday,
        bool nextIsHoliday,
        List<(LocalDateTime Start, LocalDateTime End)> pieces)
    {
        pieces.Clear();
        pieces.Add(card.Night.Hours.On(date));
        SubtractDay(pieces, date, dateIsHoliday, card.Weekend);
        if (card.Night.IsOvernight)
        {
            SubtractDay(pieces, date.PlusDays(1), nextIsHoliday, card.Weekend);
        }
    }

    private static void SubtractDay(List<(LocalDateTime Start, LocalDateTime End)> pieces, LocalDate date, bool isHoliday, WeekendRate weekend)
    {
        if (isHoliday)
        {
            Subtract(pieces, date.AtMidnight(), date.PlusDays(1).AtMidnight());
        }
        else if (weekend.Hours.IsWeekendDay(date))
        {
            var (start, end) = weekend.Hours.On(date);
            Subtract(pieces, start, end);
        }
    }

    private static void Subtract(List<(LocalDateTime Start, LocalDateTime End)> pieces, LocalDateTime cutStart, LocalDateTime cutEnd)
    {
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            var (start, end) = pieces[i];
            if (cutEnd <= start || end <= cutStart)
            {
                continue;
            }

            pieces.RemoveAt(i);
            if (cutEnd < end)
            {
                pieces.Insert(i, (cutEnd, end));
            }

            if (start < cutStart)
            {
                pieces.Insert(i, (start, cutStart));
            }
        }
    }

    private static void Add(
        List<CategoryWindow> windows,
        ContractTerms terms,
        LocalDate from,
        LocalDate toExclusive,
        BillingCategory category,
        LocalDateTime localStart,
        LocalDateTime localEnd)
    {
        if (localStart.Date < from || localStart.Date >= toExclusive)
        {
            return;
        }

        var start = LocalTimePolicy.ToInstant(localStart, terms.Zone);
        var end = LocalTimePolicy.ToInstant(localEnd, terms.Zone);
        if (end > start)
        {
            windows.Add(new CategoryWindow(category, localStart, localEnd, start, end));
        }
    }
}
