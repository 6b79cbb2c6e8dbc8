using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using PublicHoliday;
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

    /// <summary>
    /// The Netherlands: <c>NL</c>. The library's set with Easter Sunday, plus own rules where DOMAIN.md differs:
    /// Liberation Day only in lustrum years (the library has it every year) and Whit Sunday (the library lacks it).
    /// </summary>
    public static HolidayRuleSet Netherlands { get; } = Register(new HolidayRuleSet(
        "NL",
        FromLibrary(new DutchPublicHoliday { IncludeEasterSunday = true }, skip: name => name == "Liberation Day"),
        Fixed(5, 5, "Liberation Day", year => year % 5 == 0),
        FromEaster(49, "Whit Sunday")));

    /// <summary>Bavaria: <c>DE-BY</c>, without Assumption Day (only Catholic municipalities observe it). German holidays never move off a weekend.</summary>
    public static HolidayRuleSet Bavaria { get; } = Register(German("DE-BY", GermanPublicHoliday.States.BY, assumption: false));

    /// <summary>Munich: <c>DE-BY-MUC</c>, Bavaria plus Assumption Day (15 Aug).</summary>
    public static HolidayRuleSet Munich { get; } = Register(German("DE-BY-MUC", GermanPublicHoliday.States.BY, assumption: true));

    /// <summary>US federal holidays: <c>US</c>, with Saturday → Friday and Sunday → Monday observed days.</summary>
    public static HolidayRuleSet UnitedStates { get; } = Register(new HolidayRuleSet("US", FromLibrary(new USAPublicHoliday())));

    /// <summary>
    /// The other national and regional sets the library covers: <c>DE</c> (nationwide) and <c>DE-&lt;state&gt;</c> for all
    /// 16 states, <c>AT</c>, <c>BE</c>, <c>FR</c>, <c>CH</c> (federal) and <c>CH-&lt;canton&gt;</c>, <c>UK</c> (England and
    /// Wales) and <c>UK-ENG</c>, <c>UK-WLS</c>, <c>UK-SCT</c>, <c>UK-NIR</c>.
    /// </summary>
    public static IReadOnlyList<HolidayRuleSet> Regional { get; } = RegisterRegional();

    /// <summary>The names of the built-in sets, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = BuiltIn.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The set's configuration name, e.g. <c>NL</c>.</summary>
    public string Name { get; }

    /// <summary>A calendar's own rules as a set of their own (not registered among the built-in sets).</summary>
    public static HolidayRuleSet Own(string name, IEnumerable<OwnHolidayRule> rules) =>
        new(name, [.. Preconditions.NotNull(rules, nameof(rules)).Select(r => r.ToRule())]);

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

    private static HolidayRuleSet German(string name, GermanPublicHoliday.States state, bool? assumption = null)
    {
        var library = new GermanPublicHoliday { State = state };
        if (assumption is { } observed)
        {
            library.HasAssumption = observed;
        }

        return new HolidayRuleSet(name, FromLibrary(library));
    }

    private static HolidayRuleSet[] RegisterRegional()
    {
        var sets = new List<HolidayRuleSet>
        {
            German("DE", GermanPublicHoliday.States.ALL),
            new("AT", FromLibrary(new AustriaPublicHoliday())),
            new("BE", FromLibrary(new BelgiumPublicHoliday())),
            new("FR", FromLibrary(new FrancePublicHoliday())),
            new("CH", FromLibrary(new SwitzerlandPublicHoliday { Canton = SwitzerlandPublicHoliday.Cantons.OnlyOfficial })),
            new("UK", FromLibrary(new UKBankHoliday(UKBankHoliday.UkCountries.England))),
            new("UK-ENG", FromLibrary(new UKBankHoliday(UKBankHoliday.UkCountries.England))),
            new("UK-WLS", FromLibrary(new UKBankHoliday(UKBankHoliday.UkCountries.Wales))),
            new("UK-SCT", FromLibrary(new UKBankHoliday(UKBankHoliday.UkCountries.Scotland))),
            new("UK-NIR", FromLibrary(new UKBankHoliday(UKBankHoliday.UkCountries.NorthernIreland))),
        };
        foreach (var state in Enum.GetValues<GermanPublicHoliday.States>())
        {
            if (state is not GermanPublicHoliday.States.ALL and not GermanPublicHoliday.States.BY)
            {
                sets.Add(German($"DE-{state}", state));
            }
        }

        foreach (var canton in Enum.GetValues<SwitzerlandPublicHoliday.Cantons>())
        {
            if (canton is not SwitzerlandPublicHoliday.Cantons.ALL and not SwitzerlandPublicHoliday.Cantons.OnlyOfficial)
            {
                sets.Add(new HolidayRuleSet($"CH-{canton}", FromLibrary(new SwitzerlandPublicHoliday { Canton = canton })));
            }
        }

        return [.. sets.Select(Register)];
    }

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
