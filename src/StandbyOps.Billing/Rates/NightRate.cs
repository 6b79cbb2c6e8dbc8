using NodaTime;

namespace StandbyOps.Billing.Rates;

/// <summary>The night category: its range (<see cref="NightHours"/>, the same one agreed standby reads) and its price.</summary>
public sealed record NightRate
{
    /// <summary>Creates the night category; times must be whole minutes and differ.</summary>
    public NightRate(LocalTime from, LocalTime to, decimal percent, decimal minimumHours)
    {
        Hours = new NightHours(from, to);
        Rate = new CategoryRate(percent, minimumHours);
    }

    /// <summary>Every night's range.</summary>
    public NightHours Hours { get; }

    /// <summary>Local start of each night.</summary>
    public LocalTime From => Hours.From;

    /// <summary>Local end of each night; on the next day when it is not after <see cref="From"/>.</summary>
    public LocalTime To => Hours.To;

    /// <summary>Percentage and minimum.</summary>
    public CategoryRate Rate { get; }

    /// <summary>Whether a night runs past midnight into the next day.</summary>
    public bool IsOvernight => Hours.IsOvernight;
}
