namespace StandbyOps.Configuration.Calendars;

/// <summary>The built-in holiday rule sets a calendar may name in <c>holidays:</c> (computed by the domain for any year).</summary>
public static class KnownHolidaySets
{
    public const string Netherlands = "NL";
    public const string Bavaria = "DE-BY";
    public const string Munich = "DE-BY-MUC";
    public const string UnitedStates = "US";

    public static IReadOnlyList<string> Names { get; } = [Netherlands, Bavaria, Munich, UnitedStates];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
