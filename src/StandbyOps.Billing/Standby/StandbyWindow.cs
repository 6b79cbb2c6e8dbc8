using NodaTime;

namespace StandbyOps.Billing.Standby;

/// <summary>A category window touched by agreed standby: the agreed minutes inside it and the minutes billed for it.</summary>
public sealed record StandbyWindow
{
    internal StandbyWindow(CategoryWindow window, long agreedMinutes, long billedMinutes, decimal ratePercent)
    {
        Window = window;
        AgreedMinutes = agreedMinutes;
        BilledMinutes = billedMinutes;
        RatePercent = ratePercent;
    }

    /// <summary>The category occurrence.</summary>
    public CategoryWindow Window { get; }

    /// <summary>Holiday, Weekend or Night.</summary>
    public BillingCategory Category => Window.Category;

    /// <summary>Elapsed minutes of agreed standby inside the window.</summary>
    public long AgreedMinutes { get; }

    /// <summary><c>max(agreed, minimum)</c> in minutes.</summary>
    public long BilledMinutes { get; }

    /// <summary>Percentage of the hourly rate.</summary>
    public decimal RatePercent { get; }

    /// <summary>Agreed hours, exact (minutes / 60).</summary>
    public decimal AgreedHours => MinuteGrid.Hours(AgreedMinutes);

    /// <summary>Billed hours, exact (minutes / 60).</summary>
    public decimal BilledHours => MinuteGrid.Hours(BilledMinutes);

    /// <summary>Local start in the contract's zone.</summary>
    public LocalDateTime LocalStart => Window.LocalStart;

    /// <summary>Local end in the contract's zone.</summary>
    public LocalDateTime LocalEnd => Window.LocalEnd;

    /// <summary>Start instant of the window.</summary>
    public Instant Start => Window.Start;

    /// <summary>End instant of the window.</summary>
    public Instant End => Window.End;
}
