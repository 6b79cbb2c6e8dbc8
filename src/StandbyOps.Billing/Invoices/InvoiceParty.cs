namespace StandbyOps.Billing.Invoices;

/// <summary>The customer as billed: legal name, postal address lines and VAT id (null when the contract names none).</summary>
public sealed record InvoiceParty
{
    /// <summary>Creates a party; blank address lines are dropped.</summary>
    public InvoiceParty(string name, IEnumerable<string>? address, string? vatId)
    {
        Name = Preconditions.NotBlank(name, nameof(name));
        Address = [.. (address ?? []).Where(l => !string.IsNullOrWhiteSpace(l))];
        VatId = string.IsNullOrWhiteSpace(vatId) ? null : vatId;
    }

    /// <summary>Legal name.</summary>
    public string Name { get; }

    /// <summary>Address lines, top to bottom.</summary>
    public IReadOnlyList<string> Address { get; }

    /// <summary>VAT identification number, or null.</summary>
    public string? VatId { get; }
}
