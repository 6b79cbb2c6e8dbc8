using System.Globalization;
using NodaTime;
using StandbyOps.Core.Time;

namespace StandbyOps.Monitoring.Heartbeats;

/// <summary>
/// A 5-field cron expression (minute hour day-of-month month day-of-week, as cron(8): lists, ranges,
/// steps, month and day names, 0 and 7 both Sunday) evaluated in a time zone. As in cron(8), when
/// both day fields are restricted a day matches either. Local times that fall in a DST gap move
/// forward by the gap; ambiguous ones take the earlier instant (the one local-time policy).
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _daysOfMonth;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;
    private readonly bool _dayOfMonthRestricted;
    private readonly bool _dayOfWeekRestricted;
    private readonly DateTimeZone _zone;

    private CronSchedule(string expression, DateTimeZone zone)
    {
        var fields = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new FormatException($"'{expression}' is not a 5-field cron expression (minute hour day-of-month month day-of-week).");
        }

        _minutes = Field(fields[0], 0, 59, [], expression);
        _hours = Field(fields[1], 0, 23, [], expression);
        _daysOfMonth = Field(fields[2], 1, 31, [], expression);
        _months = Field(fields[3], 1, 12, MonthNames, expression);
        _daysOfWeek = Field(fields[4], 0, 7, DayNames, expression);
        _daysOfWeek[0] |= _daysOfWeek[7];
        _dayOfMonthRestricted = fields[2] != "*";
        _dayOfWeekRestricted = fields[4] != "*";
        _zone = zone;
        Expression = expression;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Parses <paramref name="expression"/> for evaluation in <paramref name="zone"/>.</summary>
    /// <exception cref="FormatException">The expression is not valid cron.</exception>
    public static CronSchedule Parse(string expression, DateTimeZone zone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        ArgumentNullException.ThrowIfNull(zone);
        return new CronSchedule(expression.Trim(), zone);
    }

    /// <summary>The first run strictly after <paramref name="after"/>.</summary>
    public Instant NextAfter(Instant after)
    {
        var start = after.InZone(_zone).LocalDateTime;
        var date = start.Date;
        // Four years always contain every month/day combination cron can name (29 Feb included).
        for (var day = 0; day < 366 * 4 + 1; day++, date = date.PlusDays(1))
        {
            if (!_months[date.Month] || !DayMatches(date))
            {
                continue;
            }

            for (var hour = 0; hour < 24; hour++)
            {
                if (!_hours[hour])
                {
                    continue;
                }

                for (var minute = 0; minute < 60; minute++)
                {
                    if (!_minutes[minute])
                    {
                        continue;
                    }

                    var candidate = LocalTimePolicy.ToInstant(date, new LocalTime(hour, minute), _zone);
                    if (candidate > after)
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new InvalidOperationException($"The cron expression '{Expression}' never fires (e.g. 31 February).");
    }

    private bool DayMatches(LocalDate date)
    {
        var dom = _daysOfMonth[date.Day];
        var dow = _daysOfWeek[(int)date.DayOfWeek % 7];
        return _dayOfMonthRestricted && _dayOfWeekRestricted ? dom || dow : dom && dow;
    }

    private static bool[] Field(string text, int min, int max, string[] names, string expression)
    {
        var allowed = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var step = 1;
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                throw new FormatException($"'{item}' in cron expression '{expression}' has an invalid step.");
            }

            var range = slash < 0 ? item : item[..slash];
            int low, high;
            if (range == "*")
            {
                (low, high) = (min, max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                low = Value(dash < 0 ? range : range[..dash], min, max, names, expression);
                high = dash < 0 ? (slash < 0 ? low : max) : Value(range[(dash + 1)..], min, max, names, expression);
                if (low > high)
                {
                    throw new FormatException($"'{item}' in cron expression '{expression}' runs backwards.");
                }
            }

            for (var v = low; v <= high; v += step)
            {
                allowed[v] = true;
            }
        }

        return allowed;
    }

    private static int Value(string text, int min, int max, string[] names, string expression)
    {
        var index = Array.IndexOf(names, text.ToLowerInvariant());
        if (index >= 0)
        {
            return index + (min == 1 ? 1 : 0);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"'{text}' in cron expression '{expression}' is not within {min}-{max}.");
    }
}
