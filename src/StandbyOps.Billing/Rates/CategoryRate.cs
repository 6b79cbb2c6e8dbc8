namespace StandbyOps.Billing.Rates;

/// <summary>The price of one category: a percentage of the hourly rate and a minimum billed per window (or per callout).</summary>
public sealed record CategoryRate
{
    /// <summary>Creates a rate; <paramref name="minimumHours"/> must be a whole number of minutes.</summary>
    public CategoryRate(decimal percent, decimal minimumHours)
    {
        Percent = Preconditions.NonNegative(percent, nameof(percent));
        MinimumHours = Preconditions.WholeMinutesOfHours(minimumHours, nameof(minimumHours));
    }

    /// <summary>Percentage of the rate card's hourly rate, e.g. 50 for half rate.</summary>
    public decimal Percent { get; }

    /// <summary>Hours billed at least whenever agreed standby (or a callout) touches a window.</summary>
    public decimal MinimumHours { get; }

    internal long MinimumMinutes => (long)(MinimumHours * 60m);
}
