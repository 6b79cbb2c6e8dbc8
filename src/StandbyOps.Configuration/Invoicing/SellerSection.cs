using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Invoicing;

/// <summary>Reads <c>seller:</c> and the billing fields of a customer (<c>legalName</c>, <c>address</c>, <c>vatId</c>).</summary>
internal static class SellerSection
{
    private static readonly string[] Keys = ["name", "address", "vatId", "iban", "bic", "paymentTermsDays"];

    public static SellerConfig? Read(MappingReader top)
    {
        if (top.Mapping("seller", "seller", Keys) is not { } seller)
        {
            return null;
        }

        var name = seller.RequiredString("name", "Example MSP B.V.");
        var address = Address(seller);
        var vatId = seller.Parse("vatId", BillingIds.ParseVatId, "", "NL123456789B01");
        var iban = seller.Parse("iban", BillingIds.ParseIban, "", "NL91 ABNA 0417 1643 00");
        var bic = seller.TryParse("bic", BillingIds.ParseBic, out var b) ? b : null;
        var terms = seller.Int("paymentTermsDays", SellerConfig.DefaultPaymentTermsDays, 0, 365);
        return new SellerConfig(name, address, vatId, iban, bic, terms);
    }

    /// <summary>Address lines, top to bottom: a list of non-empty strings, at most six.</summary>
    public static IReadOnlyList<string> Address(MappingReader mapping)
    {
        var lines = mapping.ParseList("address", text => text.Trim().Length > 0
            ? Parsed.Success(text.Trim())
            : Parsed.Failure<string>("is an empty address line", "remove the empty line, or write the street, postcode and city, country as separate lines"));
        if (lines.Count > 6)
        {
            mapping.Reader.Error(mapping.MarkOf("address"), $"the address of {mapping.What} has {lines.Count} lines; at most 6 fit on an invoice",
                "join lines, e.g. [\"Straat 1\", \"1234 AB Utrecht\", \"NL\"]");
        }

        return lines;
    }
}
