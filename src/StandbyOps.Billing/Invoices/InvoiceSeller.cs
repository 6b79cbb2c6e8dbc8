namespace StandbyOps.Billing.Invoices;

/// <summary>
/// Who bills and how to pay: the seller's legal name, address, VAT id, bank account and payment terms, as the
/// configuration's <c>seller:</c> said when the draft was made (frozen with the invoice once issued).
/// </summary>
public sealed record InvoiceSeller
{
    /// <summary>Creates the seller block.</summary>
    public InvoiceSeller(string name, IEnumerable<string>? address, string vatId, string iban, string? bic, int paymentTermsDays)
    {
        Name = Preconditions.NotBlank(name, nameof(name));
        Address = [.. (address ?? []).Where(l => !string.IsNullOrWhiteSpace(l))];
        VatId = Preconditions.NotBlank(vatId, nameof(vatId));
        Iban = Preconditions.NotBlank(iban, nameof(iban));
        Bic = string.IsNullOrWhiteSpace(bic) ? null : bic;
        Preconditions.Require(paymentTermsDays is >= 0 and <= 365, nameof(paymentTermsDays), "Payment terms are 0 to 365 days.");
        PaymentTermsDays = paymentTermsDays;
    }

    /// <summary>Legal name.</summary>
    public string Name { get; }

    /// <summary>Address lines, top to bottom.</summary>
    public IReadOnlyList<string> Address { get; }

    /// <summary>VAT identification number.</summary>
    public string VatId { get; }

    /// <summary>IBAN to pay to, in print form (groups of four).</summary>
    public string Iban { get; }

    /// <summary>BIC of the bank, or null.</summary>
    public string? Bic { get; }

    /// <summary>Days from the issue date to the due date.</summary>
    public int PaymentTermsDays { get; }
}
