using NodaTime;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Invoices;

/// <summary>One line of an invoice: a standby window (<see cref="StandbyLine"/>) or a callout (<see cref="CalloutLine"/>).</summary>
/// <remarks>Lines are frozen data: they are never recomputed from the rate card once built.</remarks>
public abstract record InvoiceLine
{
    private protected InvoiceLine(
        BillingCategory category,
        Instant start,
        Instant end,
        LocalDateTime localStart,
        LocalDateTime localEnd,
        long billedMinutes,
        decimal ratePercent,
        decimal hourlyRate,
        decimal amount)
    {
        Preconditions.Require(end >= start, nameof(end), $"An invoice line ends ({end}) before it starts ({start}).");
        Category = category;
        Start = start;
        End = end;
        LocalStart = localStart;
        LocalEnd = localEnd;
        BilledMinutes = billedMinutes;
        RatePercent = ratePercent;
        HourlyRate = hourlyRate;
        Amount = amount;
    }

    /// <summary>Standby or callout.</summary>
    public abstract InvoiceLineKind Kind { get; }

    /// <summary>Holiday, Weekend, Night or Callout.</summary>
    public BillingCategory Category { get; }

    /// <summary>Start instant.</summary>
    public Instant Start { get; }

    /// <summary>End instant.</summary>
    public Instant End { get; }

    /// <summary>Start in the contract's zone.</summary>
    public LocalDateTime LocalStart { get; }

    /// <summary>End in the contract's zone.</summary>
    public LocalDateTime LocalEnd { get; }

    /// <summary>Billed minutes (negative on a credit note).</summary>
    public long BilledMinutes { get; }

    /// <summary>Billed hours, exact.</summary>
    public decimal BilledHours => MinuteGrid.Hours(BilledMinutes);

    /// <summary>Percentage of the hourly rate.</summary>
    public decimal RatePercent { get; }

    /// <summary>The standard hourly rate at the time the line was built.</summary>
    public decimal HourlyRate { get; }

    /// <summary>Line amount, rounded to cents half away from zero.</summary>
    public decimal Amount { get; }

    /// <summary>
    /// A late item: billable work of an earlier, already invoiced month that arrived after that month's invoice was
    /// issued (a callout, or agreed standby added afterwards), billed on this invoice with its own service dates
    /// (DOMAIN.md "A month is invoiced after it ends").
    /// </summary>
    public bool Late { get; init; }

    /// <summary>The same line with hours and amount negated, for a credit note.</summary>
    public abstract InvoiceLine Negated();
}
