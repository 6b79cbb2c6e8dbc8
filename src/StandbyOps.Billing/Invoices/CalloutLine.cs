using NodaTime;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Invoices;

/// <summary>An invoice line for one callout, billed on top of standby.</summary>
public sealed record CalloutLine : InvoiceLine
{
    /// <summary>Creates (or reloads) a callout line.</summary>
    public CalloutLine(
        string engineer,
        string? caseNumber,
        Instant start,
        Instant end,
        LocalDateTime localStart,
        LocalDateTime localEnd,
        long workedMinutes,
        long billedMinutes,
        decimal ratePercent,
        decimal hourlyRate,
        decimal amount)
        : base(BillingCategory.Callout, start, end, localStart, localEnd, billedMinutes, ratePercent, hourlyRate, amount)
    {
        Engineer = Preconditions.NotBlank(engineer, nameof(engineer));
        CaseNumber = caseNumber;
        WorkedMinutes = workedMinutes;
    }

    /// <inheritdoc/>
    public override InvoiceLineKind Kind => InvoiceLineKind.Callout;

    /// <summary>The engineer who worked.</summary>
    public string Engineer { get; }

    /// <summary>The incident's case number, if any.</summary>
    public string? CaseNumber { get; }

    /// <summary>Worked minutes, acknowledgement to end.</summary>
    public long WorkedMinutes { get; }

    /// <summary>Worked hours, exact.</summary>
    public decimal WorkedHours => MinuteGrid.Hours(WorkedMinutes);

    /// <inheritdoc/>
    public override InvoiceLine Negated() =>
        new CalloutLine(Engineer, CaseNumber, Start, End, LocalStart, LocalEnd, -WorkedMinutes, -BilledMinutes, RatePercent, HourlyRate, -Amount) { Late = Late };
}
