using StandbyOps.Configuration.Invoicing;

namespace StandbyOps.Configuration.Tests.Invoicing;

public sealed class SellerSectionTests
{
    [Fact]
    public void Without_a_seller_invoices_have_none()
    {
        var config = Loading.Load(Loading.Preamble).Valid();

        Assert.Null(config.Seller);
    }

    [Fact]
    public void The_seller_is_read_with_a_printable_iban_and_default_payment_terms()
    {
        var config = Loading.Load(Loading.Preamble + """
            seller:
              name: Example MSP B.V.
              address: ["Straat 1", "1234 AB Utrecht", "NL"]
              vatId: nl 1234.56789.B01
              iban: nl91abna0417164300
            """).Valid();

        var seller = Assert.IsType<SellerConfig>(config.Seller);
        Assert.Equal("Example MSP B.V.", seller.Name);
        Assert.Equal(["Straat 1", "1234 AB Utrecht", "NL"], seller.Address);
        Assert.Equal("NL123456789B01", seller.VatId);
        Assert.Equal("NL91 ABNA 0417 1643 00", seller.Iban);
        Assert.Null(seller.Bic);
        Assert.Equal(30, seller.PaymentTermsDays);
    }

    [Fact]
    public void An_iban_with_a_wrong_check_digit_is_an_error_at_its_line()
    {
        var result = Loading.Load(Loading.Preamble + """
            seller:
              name: Example MSP B.V.
              vatId: NL123456789B01
              iban: NL92 ABNA 0417 1643 00
            """);

        result.SingleError().AssertAt(8, ["iban", "check digits"], ["IBAN"]);
    }

    [Fact]
    public void A_seller_without_vat_id_and_iban_and_with_too_long_terms_has_an_error_for_each()
    {
        var result = Loading.Load(Loading.Preamble + """
            seller:
              name: Example MSP B.V.
              paymentTermsDays: 400
            """);

        Assert.Null(result.Config);
        var errors = result.Diagnostics.Where(d => d.Severity == ConfigSeverity.Error).Select(d => d.Message).ToList();
        Assert.Contains(errors, m => m.Contains("vatId", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("iban", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("paymentTermsDays", StringComparison.Ordinal));
    }

    [Fact]
    public void A_customer_names_its_legal_name_address_and_vat_id_and_a_bad_vat_id_is_an_error()
    {
        var config = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                name: ACME
                legalName: ACME B.V.
                address: ["Weg 2", "3511 AA Utrecht"]
                vatId: NL987654321B01
                calendar: nl
                rateCard: std
              globex:
                calendar: nl
                rateCard: std
            """).Valid();
        var bad = Loading.Load(Loading.Preamble + """
            customers:
              acme:
                calendar: nl
                rateCard: std
                vatId: "123"
            """);

        Assert.Equal("ACME B.V.", config.Customers["acme"].Billing!.LegalName);
        Assert.Equal(["Weg 2", "3511 AA Utrecht"], config.Customers["acme"].Billing!.Address);
        Assert.Equal("NL987654321B01", config.Customers["acme"].Billing!.VatId);
        Assert.Equal("globex", config.Customers["globex"].Billing!.LegalName);
        Assert.Null(config.Customers["globex"].Billing!.VatId);
        bad.SingleError().AssertAt(9, ["VAT identification number"], ["NL123456789B01"]);
    }
}
