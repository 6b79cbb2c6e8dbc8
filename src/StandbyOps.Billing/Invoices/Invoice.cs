using NodaTime;

namespace StandbyOps.Billing.Invoices;

/// <summary>Where an invoice is in its life: a draft is recomputed at will, an issued invoice is frozen.</summary>
public enum InvoiceStatus
{
    /// <summary>Recomputed on request; has no number.</summary>
    Draft,

    /// <summary>Numbered and frozen.</summary>
    Issued,
}

/// <summary>An invoice proper or a credit note that cancels one.</summary>
public enum InvoiceType
{
    /// <summary>Bills a customer's month.</summary>
    Invoice,

    /// <summary>Cancels an issued invoice with its lines negated.</summary>
    CreditNote,
}

/// <summary>One customer's bill for one calendar month: lines, rates and totals as an immutable snapshot.</summary>
/// <remarks>
/// Once issued nothing is recomputed: the lines carry the hourly rate and percentages in force when the draft was
/// made, and later edits to rate cards, rotas or holidays cannot reach them. Corrections are a credit note
/// (<see cref="ToCreditNote"/>) plus a new invoice. The constructor checks the snapshot's own consistency
/// (status, number, subtotal = sum of lines, total = subtotal + VAT) so a store can reload it safely.
/// </remarks>
public sealed record Invoice
{
    /// <summary>Creates or reloads an invoice snapshot.</summary>
    public Invoice(
        InvoiceType type,
        InvoiceStatus status,
        string? number,
        LocalDate? issueDate,
        string? creditedNumber,
        string customer,
        string customerName,
        YearMonth month,
        string timeZone,
        string currency,
        decimal vatPercent,
        IEnumerable<InvoiceLine> lines,
        decimal subtotal,
        decimal vat,
        decimal total)
    {
        Type = type;
        Status = status;
        Number = number;
        IssueDate = issueDate;
        CreditedNumber = creditedNumber;
        Customer = Preconditions.NotBlank(customer, nameof(customer));
        CustomerName = Preconditions.NotBlank(customerName, nameof(customerName));
        Month = month;
        TimeZone = Preconditions.NotBlank(timeZone, nameof(timeZone));
        Currency = Preconditions.NotBlank(currency, nameof(currency));
        VatPercent = Preconditions.NonNegative(vatPercent, nameof(vatPercent));
        Lines = [.. Preconditions.NotNull(lines, nameof(lines))];
        Subtotal = subtotal;
        Vat = vat;
        Total = total;

        Preconditions.Require(Lines.All(l => l is not null), nameof(lines), "Invoice lines must not contain null.");
        if (status == InvoiceStatus.Draft)
        {
            Preconditions.Require(number is null && issueDate is null, nameof(number), "A draft has no number and no issue date.");
            Preconditions.Require(type == InvoiceType.Invoice, nameof(type), "A credit note is issued at once; it has no draft.");
        }
        else
        {
            Preconditions.Require(InvoiceNumber.IsValid(number), nameof(number), $"'{number}' is not an invoice number such as INV-2026-0001.");
            Preconditions.Require(issueDate is not null, nameof(issueDate), "An issued invoice has an issue date.");
        }

        Preconditions.Require(
            (type == InvoiceType.CreditNote) == (creditedNumber is not null),
            nameof(creditedNumber),
            "A credit note, and only a credit note, cites the number of the invoice it cancels.");
        Preconditions.Require(creditedNumber is null || InvoiceNumber.IsValid(creditedNumber), nameof(creditedNumber), $"'{creditedNumber}' is not an invoice number.");
        Preconditions.Require(Lines.Sum(l => l.Amount) == subtotal, nameof(subtotal), $"The subtotal {subtotal} is not the sum of the lines.");
        Preconditions.Require(subtotal + vat == total, nameof(total), $"The total {total} is not subtotal {subtotal} plus VAT {vat}.");
    }

    /// <summary>Invoice or credit note.</summary>
    public InvoiceType Type { get; }

    /// <summary>Draft or issued.</summary>
    public InvoiceStatus Status { get; }

    /// <summary><c>INV-2026-0001</c> once issued; null on a draft.</summary>
    public string? Number { get; }

    /// <summary>The date it was issued (in the contract's zone); null on a draft.</summary>
    public LocalDate? IssueDate { get; }

    /// <summary>On a credit note: the number of the invoice it cancels.</summary>
    public string? CreditedNumber { get; }

    /// <summary>Customer id, e.g. <c>acme</c>.</summary>
    public string Customer { get; }

    /// <summary>Customer display name, e.g. <c>ACME B.V.</c>.</summary>
    public string CustomerName { get; }

    /// <summary>The billed calendar month in the contract's zone.</summary>
    public YearMonth Month { get; }

    /// <summary>IANA id of the contract's zone, in which the local times of the lines are given.</summary>
    public string TimeZone { get; }

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; }

    /// <summary>VAT percentage applied to the subtotal.</summary>
    public decimal VatPercent { get; }

    /// <summary>Lines ordered by start, standby before callout.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; }

    /// <summary>Sum of the line amounts.</summary>
    public decimal Subtotal { get; }

    /// <summary>VAT on the subtotal, rounded to cents half away from zero.</summary>
    public decimal Vat { get; }

    /// <summary>Subtotal plus VAT.</summary>
    public decimal Total { get; }

    /// <summary>
    /// Who bills and how to pay, from the configuration's <c>seller:</c> when the draft was made; null on invoices
    /// drafted without one (and on every invoice made before seller blocks existed, which render unchanged).
    /// </summary>
    public InvoiceSeller? Seller { get; init; }

    /// <summary>The customer as billed (legal name, address, VAT id); null on invoices made before buyer blocks existed.</summary>
    public InvoiceParty? Buyer { get; init; }

    /// <summary>First day of the service period: the billed month's first day (late lines carry their own dates).</summary>
    public LocalDate ServiceFrom => Month.OnDayOfMonth(1);

    /// <summary>Last day of the service period.</summary>
    public LocalDate ServiceTo => Month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);

    /// <summary>The issue date plus the seller's payment terms; null on a draft or without a seller.</summary>
    public LocalDate? DueDate => IssueDate is { } issued && Seller is { } seller ? issued.PlusDays(seller.PaymentTermsDays) : null;

    /// <summary>Freezes this draft under <paramref name="number"/>; nothing is recomputed.</summary>
    public Invoice Issue(string number, LocalDate issueDate)
    {
        if (Status != InvoiceStatus.Draft)
        {
            throw new InvalidOperationException($"Invoice {Number} is already issued; correct it with a credit note.");
        }

        return new Invoice(Type, InvoiceStatus.Issued, number, issueDate, null, Customer, CustomerName, Month, TimeZone, Currency, VatPercent, Lines, Subtotal, Vat, Total)
        {
            Seller = Seller,
            Buyer = Buyer,
        };
    }

    /// <summary>A credit note numbered <paramref name="number"/> that cancels this issued invoice: every line and total negated.</summary>
    public Invoice ToCreditNote(string number, LocalDate issueDate)
    {
        if (Status != InvoiceStatus.Issued || Type != InvoiceType.Invoice)
        {
            throw new InvalidOperationException("Only an issued invoice can be credited.");
        }

        return new Invoice(
            InvoiceType.CreditNote,
            InvoiceStatus.Issued,
            number,
            issueDate,
            Number,
            Customer,
            CustomerName,
            Month,
            TimeZone,
            Currency,
            VatPercent,
            Lines.Select(l => l.Negated()),
            Money.Cents(-Subtotal),
            Money.Cents(-Vat),
            Money.Cents(-Total))
        {
            Seller = Seller,
            Buyer = Buyer,
        };
    }
}
