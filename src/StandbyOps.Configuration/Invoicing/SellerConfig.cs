namespace StandbyOps.Configuration.Invoicing;

/// <summary>
/// <c>seller:</c>, printed on every invoice: the legal name, address lines, VAT id, the account to pay to (IBAN, BIC)
/// and the payment terms in days from the invoice date. Null in <see cref="StandbyOpsConfig"/> when the file has none.
/// </summary>
public sealed record SellerConfig(string Name, IReadOnlyList<string> Address, string VatId, string Iban, string? Bic, int PaymentTermsDays)
{
    /// <summary>Payment terms when the file names none.</summary>
    public const int DefaultPaymentTermsDays = 30;
}
