using NodaTime;

namespace StandbyOps.Billing.Invoices;

/// <summary>What drafting an invoice produced: a draft, nothing to bill, or the problems that block it.</summary>
public abstract record InvoiceDraftOutcome
{
    private InvoiceDraftOutcome()
    {
    }

    /// <summary>A draft invoice with at least one line.</summary>
    public sealed record Drafted(Invoice Invoice) : InvoiceDraftOutcome;

    /// <summary>The month has no agreed standby outside office time and no callouts: no invoice is made.</summary>
    public sealed record NothingToBill(string Customer, YearMonth Month) : InvoiceDraftOutcome;

    /// <summary>The input is inconsistent (e.g. a callout outside agreed standby); nothing was drafted.</summary>
    public sealed record Rejected(IReadOnlyList<BillingProblem> Problems) : InvoiceDraftOutcome;
}
