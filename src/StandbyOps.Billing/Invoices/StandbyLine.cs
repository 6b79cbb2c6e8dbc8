using NodaTime;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Invoices;

/// <summary>An invoice line for one category window of agreed standby.</summary>
public sealed record StandbyLine : InvoiceLine
{
    /// <summary>Creates (or reloads) a standby line; the category must be Holiday, Weekend or Night.</summary>
    public StandbyLine(
        BillingCategory category,
        Instant start,
        Instant end,
        LocalDateTime localStart,
        LocalDateTime localEnd,
        long agreedMinutes,
        long billedMinutes,
        decimal ratePercent,
        decimal hourlyRate,
        decimal amount)
        : base(category, start, end, localStart, localEnd, billedMinutes, ratePercent, hourlyRate, amount)
    {
        Preconditions.Require(category != BillingCategory.Callout, nameof(category), "A standby line cannot have the callout category.");
        AgreedMinutes = agreedMinutes;
    }

    /// <inheritdoc/>
    public override InvoiceLineKind Kind => InvoiceLineKind.Standby;

    /// <summary>Agreed standby minutes inside the window.</summary>
    public long AgreedMinutes { get; }

    /// <summary>Agreed hours, exact.</summary>
    public decimal AgreedHours => MinuteGrid.Hours(AgreedMinutes);

    /// <inheritdoc/>
    public override InvoiceLine Negated() =>
        new StandbyLine(Category, Start, End, LocalStart, LocalEnd, -AgreedMinutes, -BilledMinutes, RatePercent, HourlyRate, -Amount) { Late = Late };
}
