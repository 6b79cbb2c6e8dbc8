using StandbyOps.Core.Holidays;

namespace StandbyOps.Configuration.Calendars;

/// <summary>The built-in holiday rule sets a calendar may name in <c>holidays:</c>: the domain's <see cref="HolidayRuleSet"/> names.</summary>
public static class KnownHolidaySets
{
    public const string Netherlands = "NL";
    public const string Bavaria = "DE-BY";
    public const string Munich = "DE-BY-MUC";
    public const string UnitedStates = "US";

    public static IReadOnlyList<string> Names => HolidayRuleSet.Names;

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
