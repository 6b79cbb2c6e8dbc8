using NodaTime;

namespace StandbyOps.Billing.Rates;

/// <summary>The night category: every day from <see cref="From"/> until <see cref="To"/>, the next morning when <see cref="To"/> is earlier.</summary>
public sealed record NightRate
{
    /// <summary>Creates the night category; times must be whole minutes and differ.</summary>
    public NightRate(LocalTime from, LocalTime to, decimal percent, decimal minimumHours)
    {
        From = Preconditions.WholeMinute(from, nameof(from));
        To = Preconditions.WholeMinute(to, nameof(to));
        Preconditions.Require(From != To, nameof(to), $"The night range {From:HH:mm}-{To:HH:mm} is empty.");
        Rate = new CategoryRate(percent, minimumHours);
    }

    /// <summary>Local start of each night.</summary>
    public LocalTime From { get; }

    /// <summary>Local end of each night; on the next day when it is not after <see cref="From"/>.</summary>
    public LocalTime To { get; }

    /// <summary>Percentage and minimum.</summary>
    public CategoryRate Rate { get; }

    /// <summary>Whether a night runs past midnight into the next day.</summary>
    public bool IsOvernight => To < From;

    internal int FromMinute => MinuteOfDay.Of(From);

    /// <summary>End in minutes after the start of the night's own date (beyond 1440 for an overnight range).</summary>
    internal int EndMinute => IsOvernight ? MinuteOfDay.PerDay + MinuteOfDay.Of(To) : MinuteOfDay.Of(To);
}
