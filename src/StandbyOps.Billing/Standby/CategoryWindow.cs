using NodaTime;

namespace StandbyOps.Billing.Standby;

/// <summary>One occurrence of a category in the contract's local time (a holiday date, a weekend day's daytime, a night), with its instant bounds.</summary>
public sealed record CategoryWindow
{
    internal CategoryWindow(BillingCategory category, LocalDateTime localStart, LocalDateTime localEnd, Instant start, Instant end)
    {
        Category = category;
        LocalStart = localStart;
        LocalEnd = localEnd;
        Start = start;
        End = end;
    }

    /// <summary>Holiday, Weekend or Night.</summary>
    public BillingCategory Category { get; }

    /// <summary>Local start in the contract's zone; the window belongs to this date (and its month).</summary>
    public LocalDateTime LocalStart { get; }

    /// <summary>Local end in the contract's zone.</summary>
    public LocalDateTime LocalEnd { get; }

    /// <summary>Start instant (inclusive), resolved leniently from <see cref="LocalStart"/>.</summary>
    public Instant Start { get; }

    /// <summary>End instant (exclusive), resolved leniently from <see cref="LocalEnd"/>.</summary>
    public Instant End { get; }

    /// <summary>Elapsed length; DST makes a night 13.5 h or 15.5 h instead of 14.5 h.</summary>
    public Duration Length => End - Start;
}
