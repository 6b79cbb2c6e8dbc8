using NodaTime;

namespace StandbyOps.Billing.Rates;

/// <summary>The weekend category: its daytime range on the weekend days (<see cref="WeekendHours"/>, the same one agreed standby reads) and its price.</summary>
/// <remarks><see cref="To"/> = 00:00 means the end of the day (24:00); otherwise <see cref="To"/> must be after <see cref="From"/>.</remarks>
public sealed record WeekendRate
{
    /// <summary>Creates the weekend category; times must be whole minutes.</summary>
    public WeekendRate(IEnumerable<IsoDayOfWeek> days, LocalTime from, LocalTime to, decimal percent, decimal minimumHours)
    {
        Hours = new WeekendHours(days, from, to);
        Rate = new CategoryRate(percent, minimumHours);
    }

    /// <summary>The weekend days' daytime range.</summary>
    public WeekendHours Hours { get; }

    /// <summary>The days that have a weekend window, unless they are holidays.</summary>
    public IReadOnlySet<IsoDayOfWeek> Days => Hours.Days;

    /// <summary>Local start of the daytime range.</summary>
    public LocalTime From => Hours.From;

    /// <summary>Local end of the daytime range; 00:00 means midnight at the end of the day.</summary>
    public LocalTime To => Hours.To;

    /// <summary>Percentage and minimum.</summary>
    public CategoryRate Rate { get; }
}
