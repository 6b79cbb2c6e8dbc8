using System.Globalization;

namespace StandbyOps.Server.Reports;

/// <summary>How the SLA report's figures read on its page, in its PDF and in its mail: one format for all three.</summary>
public static class SlaReportText
{
    /// <summary>Minutes with one decimal (<c>12.5 min</c>), a dash when there is no value.</summary>
    public static string Minutes(double? minutes) => minutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.#} min") : "—";

    /// <summary>A percentage with up to three decimals (<c>99.95 %</c>), a dash when there is no value.</summary>
    public static string Percent(double? percent) => percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p:0.###} %") : "—";

    /// <summary>An availability target (<c>99.9 %</c>), a dash when the contract names none.</summary>
    public static string Target(decimal? target) => target is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t:0.###} %") : "—";

    /// <summary>Whether the target was met: <c>met</c>, <c>missed</c> or a dash.</summary>
    public static string Met(bool? met) => met switch { true => "met", false => "missed", null => "—" };

    /// <summary>Hours with up to two decimals (<c>176.5 h</c>).</summary>
    public static string Hours(decimal hours) => string.Create(CultureInfo.InvariantCulture, $"{hours:0.##} h");

    /// <summary>Seconds as minutes or hours (<c>30 min</c>, <c>1.5 h</c>).</summary>
    public static string Duration(long seconds) => seconds >= 3600
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600.0:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60.0:0} min");
}
