namespace StandbyOps.Core.Standby;

/// <summary>
/// A contract's recurring agreed standby: any of nights, weekends and holidays (config <c>standby.coverage</c>). The one
/// definition of coverage: the configuration reads it, billing and the desk expand it (<c>StandbyCoverageExpansion</c>).
/// </summary>
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

    /// <summary>The names of the covered periods, as written in the configuration.</summary>
    public static IReadOnlyList<string> Names { get; } = ["nights", "weekends", "holidays"];

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
}
