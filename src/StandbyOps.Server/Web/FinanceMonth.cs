using NodaTime;
using NodaTime.Text;

namespace StandbyOps.Server.Web;

/// <summary>The month a finance page shows: the one asked for, or by default the previous calendar month, which is the one being invoiced.</summary>
public static class FinanceMonth
{
    /// <summary>The month before the server clock's (in UTC).</summary>
    public static YearMonth Previous(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = clock.GetCurrentInstant().InUtc().Date;
        return new YearMonth(today.Year, today.Month).OnDayOfMonth(1).PlusMonths(-1).ToYearMonth();
    }

    /// <summary>Parses <paramref name="text"/> (<c>2026-11</c>); no text means <see cref="Previous"/>.</summary>
    public static bool TryParseOrPrevious(string? text, IClock clock, out YearMonth month)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            month = Previous(clock);
            return true;
        }

        return TryParse(text, out month);
    }

    /// <summary>Parses <paramref name="text"/> (<c>2026-11</c>) exactly.</summary>
    public static bool TryParse(string? text, out YearMonth month)
    {
        var parsed = YearMonthPattern.Iso.Parse(text?.Trim() ?? string.Empty);
        month = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    /// <summary><c>2026-11</c>.</summary>
    public static string Text(YearMonth month) => YearMonthPattern.Iso.Format(month);
}
