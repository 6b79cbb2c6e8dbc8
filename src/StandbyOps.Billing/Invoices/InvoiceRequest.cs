using NodaTime;
using StandbyOps.Billing.Callouts;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Invoices;

/// <summary>Everything needed to draft one customer's invoice for one month.</summary>
public sealed record InvoiceRequest
{
    /// <summary>Creates a request; callouts outside the month are ignored by the calculator.</summary>
    public InvoiceRequest(
        string customer,
        YearMonth month,
        ContractTerms terms,
        AgreedStandby agreed,
        IEnumerable<Callout>? callouts = null,
        string? customerName = null,
        IEnumerable<Callout>? lateCallouts = null,
        IEnumerable<LateStandby>? lateStandby = null)
    {
        Customer = Preconditions.NotBlank(customer, nameof(customer));
        Month = month;
        Terms = Preconditions.NotNull(terms, nameof(terms));
        Agreed = Preconditions.NotNull(agreed, nameof(agreed));
        Callouts = [.. callouts ?? []];
        Preconditions.Require(Callouts.All(c => c is not null), nameof(callouts), "Callouts must not contain null.");
        CustomerName = string.IsNullOrWhiteSpace(customerName) ? customer : customerName;
        LateCallouts = [.. lateCallouts ?? []];
        Preconditions.Require(LateCallouts.All(c => c is not null), nameof(lateCallouts), "Late callouts must not contain null.");
        LateStandby = [.. lateStandby ?? []];
        Preconditions.Require(LateStandby.All(c => c is not null), nameof(lateStandby), "Late standby must not contain null.");
    }

    /// <summary>Agreed standby of earlier, already invoiced months that changed after their invoice: billed here as late lines.</summary>
    public IReadOnlyList<LateStandby> LateStandby { get; }

    /// <summary>
    /// Callouts of earlier, already invoiced months that became billable after their invoice was issued: billed on
    /// this month's invoice as late lines, whatever month they started in (the caller decides which they are).
    /// </summary>
    public IReadOnlyList<Callout> LateCallouts { get; }

    /// <summary>Customer id.</summary>
    public string Customer { get; }

    /// <summary>Customer display name (defaults to the id).</summary>
    public string CustomerName { get; }

    /// <summary>The calendar month in the contract's zone.</summary>
    public YearMonth Month { get; }

    /// <summary>Zone, rate card and holidays.</summary>
    public ContractTerms Terms { get; }

    /// <summary>Recurring coverage and one-off periods.</summary>
    public AgreedStandby Agreed { get; }

    /// <summary>Callouts; those that start in the month are billed.</summary>
    public IReadOnlyList<Callout> Callouts { get; }
}
