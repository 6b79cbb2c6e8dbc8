using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using StandbyOps.Core.Time;
using static StandbyOps.Core.Holidays.HolidayRules;

namespace StandbyOps.Core.Holidays;

/// <summary>
/// A named set of public-holiday rules, computed for any year (DOMAIN.md "Time and calendars").
/// Lookups are cached per year, so <see cref="IsHoliday"/> is cheap enough for hot paths.
/// </summary>
public sealed class HolidayRuleSet
{
    private static readonly Dictionary<string, HolidayRuleSet> BuiltIn = new(StringComparer.OrdinalIgnoreCase);

    private readonly HolidayRule[] _rules;
    private readonly YearCache<HolidayYear> _years;

    private HolidayRuleSet(string name, params HolidayRule[] rules)
    {
        Name = name;
        _rules = rules;
        _years = new YearCache<HolidayYear>(Compute);
    }

    /// <summary>The Netherlands: <c>NL</c>.</summary>
    public static HolidayRuleSet Netherlands { get; } = Register(new HolidayRuleSet(
        "NL",
        Fixed(1, 1, "New Year's Day"),
        FromEaster(0, "Easter Sunday"),
        FromEaster(1, "Easter Monday"),
        FixedSundayToSaturday(4, 30, "Queen's Day", 1980, 2013),
        FixedSundayToSaturday(4, 27, "King's Day", 2014, 9999),
        Fixed(5, 5, "Liberation Day", year => year % 5 == 0),
        FromEaster(39, "Ascension Day"),
        FromEaster(49, "Whit Sunday"),
        FromEaster(50, "Whit Monday"),
        Fixed(12, 25, "Christmas Day"),
        Fixed(12, 26, "Second Day of Christmas")));

    /// <summary>Bavaria: <c>DE-BY</c>. German holidays never move off a weekend.</summary>
    public static HolidayRuleSet Bavaria { get; } = Register(new HolidayRuleSet("DE-BY", BavarianRules()));

    /// <summary>Munich: <c>DE-BY-MUC</c>, Bavaria plus Assumption Day (15 Aug).</summary>
    public static HolidayRuleSet Munich { get; } = Register(new HolidayRuleSet(
        "DE-BY-MUC",
        [.. BavarianRules(), Fixed(8, 15, "Assumption Day")]));

    /// <summary>US federal holidays: <c>US</c>, with Saturday → Friday and Sunday → Monday observed days.</summary>
    public static HolidayRuleSet UnitedStates { get; } = Register(new HolidayRuleSet(
        "US",
        ObservedUs(Fixed(1, 1, "New Year's Day")),
        NthWeekday(1, IsoDayOfWeek.Monday, 3, "Martin Luther King Jr. Day"),
        NthWeekday(2, IsoDayOfWeek.Monday, 3, "Washington's Birthday"),
        LastWeekday(5, IsoDayOfWeek.Monday, "Memorial Day"),
        ObservedUs(Fixed(6, 19, "Juneteenth National Independence Day", year => year >= 2021)),
        ObservedUs(Fixed(7, 4, "Independence Day")),
        NthWeekday(9, IsoDayOfWeek.Monday, 1, "Labor Day"),
        NthWeekday(10, IsoDayOfWeek.Monday, 2, "Columbus Day"),
        ObservedUs(Fixed(11, 11, "Veterans Day")),
        NthWeekday(11, IsoDayOfWeek.Thursday, 4, "Thanksgiving Day"),
        ObservedUs(Fixed(12, 25, "Christmas Day"))));

    /// <summary>The names of the built-in sets, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = BuiltIn.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The set's configuration name, e.g. <c>NL</c>.</summary>
    public string Name { get; }

    /// <summary>Finds a built-in set by name (case-insensitive).</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out HolidayRuleSet? set)
        => BuiltIn.TryGetValue(Preconditions.NotNull(name, nameof(name)), out set);

    /// <summary>Finds a built-in set by name, or throws naming the known sets.</summary>
    public static HolidayRuleSet Get(string name)
        => TryGet(name, out var set)
            ? set
            : throw new ArgumentException($"Unknown holiday set '{name}'. Known sets: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The holidays (and observed days) dated in <paramref name="year"/>, sorted by date then name.</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year) => _years.Get(year).Holidays;

    public bool IsHoliday(LocalDate date) => _years.Get(date.Year).Contains(date.DayOfYear);

    /// <summary>The holidays on one date (usually none or one).</summary>
    public IReadOnlyList<Holiday> HolidaysOn(LocalDate date)
    {
        if (!IsHoliday(date))
        {
            return [];
        }

        var result = new List<Holiday>(1);
        foreach (var holiday in HolidaysIn(date.Year))
        {
            if (holiday.Date == date)
            {
                result.Add(holiday);
            }
        }

        return result;
    }

    public override string ToString() => Name;

    private static HolidayRule[] BavarianRules() =>
    [
        Fixed(1, 1, "New Year's Day"),
        Fixed(1, 6, "Epiphany"),
        FromEaster(-2, "Good Friday"),
        FromEaster(1, "Easter Monday"),
        Fixed(5, 1, "Labour Day"),
        FromEaster(39, "Ascension Day"),
        FromEaster(50, "Whit Monday"),
        FromEaster(60, "Corpus Christi"),
        Fixed(10, 3, "German Unity Day"),
        Fixed(11, 1, "All Saints' Day"),
        Fixed(12, 25, "Christmas Day"),
        Fixed(12, 26, "St. Stephen's Day"),
    ];

    private static HolidayRuleSet Register(HolidayRuleSet set)
    {
        BuiltIn.Add(set.Name, set);
        return set;
    }

    private HolidayYear Compute(int year)
    {
        // Observed days can cross a year boundary (1 Jan 2028 is observed on 31 Dec 2027).
        var all = new List<Holiday>();
        for (var y = year - 1; y <= year + 1; y++)
        {
            if (y is < 1583 or > 9999)
            {
                continue;
            }

            foreach (var rule in _rules)
            {
                rule(y, all);
            }
        }

        var inYear = all
            .Where(h => h.Date.Year == year)
            .Distinct()
            .OrderBy(h => h.Date)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        return new HolidayYear(new ReadOnlyCollection<Holiday>(inYear));
    }

    private sealed class HolidayYear
    {
        private readonly ulong[] _days = new ulong[6];

        public HolidayYear(ReadOnlyCollection<Holiday> holidays)
        {
            Holidays = holidays;
            foreach (var holiday in holidays)
            {
                _days[holiday.Date.DayOfYear >> 6] |= 1UL << (holiday.Date.DayOfYear & 63);
            }
        }

        public ReadOnlyCollection<Holiday> Holidays { get; }

        public bool Contains(int dayOfYear) => (_days[dayOfYear >> 6] & (1UL << (dayOfYear & 63))) != 0;
    }
}
