using System.Text;
using System.Text.Json;
using NodaTime;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Rates;
using StandbyOps.Billing.Tests.Support;

namespace StandbyOps.Billing.Tests.Exports;

public class InvoiceJsonExporterTests
{
    [Fact]
    public void The_sample_invoice_renders_exactly_as_the_golden_file()
    {
        Golden.AssertMatches(InvoiceJsonExporter.Render(SampleInvoice.Issued(), id: "42"), "INV-2026-0001.json");
    }

    [Fact]
    public void Rendering_the_same_frozen_invoice_twice_gives_identical_bytes()
    {
        var invoice = SampleInvoice.Issued();

        Assert.Equal(InvoiceJsonExporter.Render(invoice), InvoiceJsonExporter.Render(invoice));
    }

    [Fact]
    public void Money_is_written_as_a_number_with_two_decimals()
    {
        var json = Encoding.UTF8.GetString(InvoiceJsonExporter.Render(SampleInvoice.Issued()));

        Assert.Contains("\"amount\": 200.00", json, StringComparison.Ordinal);
        Assert.Contains("\"hourlyRate\": 100.00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_carry_the_api_fields_in_camel_case_with_utc_instants()
    {
        using var document = JsonDocument.Parse(InvoiceJsonExporter.Render(SampleInvoice.Issued()));
        var root = document.RootElement;
        var callout = root.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("kind").GetString() == "callout");

        Assert.Equal("INV-2026-0001", root.GetProperty("number").GetString());
        Assert.Equal("issued", root.GetProperty("status").GetString());
        Assert.Equal("2026-11", root.GetProperty("month").GetString());
        Assert.Equal("2026-11-24T18:10:00Z", callout.GetProperty("start").GetString());
        Assert.Equal("2026-11-24T19:10", callout.GetProperty("localStart").GetString());
        Assert.Equal(25, callout.GetProperty("workedMinutes").GetInt64());
        Assert.Equal("INC-2026-0042", callout.GetProperty("caseNumber").GetString());
        Assert.Equal(21m, root.GetProperty("vatPercent").GetDecimal());
    }

    [Fact]
    public void Percentages_drop_trailing_zeros_and_rates_keep_decimals_beyond_cents()
    {
        var weekend = new WeekendRate([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], new LocalTime(8, 30), new LocalTime(18, 0), 12.50m, 4m);
        var card = Standard.StandardCard(hourlyRate: 95.125m, vatPercent: 21.00m, weekend: weekend);
        var draft = Drafting.Draft(new YearMonth(2026, 11), [Drafting.Agreed(Standard.Local(2026, 11, 21, 10), Standard.Local(2026, 11, 21, 12))], card: card);

        var json = Encoding.UTF8.GetString(InvoiceJsonExporter.Render(draft));

        Assert.Contains("\"ratePercent\": 12.5,", json, StringComparison.Ordinal);
        Assert.Contains("\"hourlyRate\": 95.125,", json, StringComparison.Ordinal);
        Assert.Contains("\"vatPercent\": 21,", json, StringComparison.Ordinal);
        Assert.Contains("\"amount\": 47.56", json, StringComparison.Ordinal);   // 4 h × 95.125 × 12.5% = 47.5625
    }

    [Fact]
    public void A_draft_has_a_null_number_and_id()
    {
        var draft = Drafting.Draft(new YearMonth(2026, 11), [Drafting.Agreed(Standard.Local(2026, 11, 24, 18), Standard.Local(2026, 11, 25, 8, 30))]);

        using var document = JsonDocument.Parse(InvoiceJsonExporter.Render(draft));

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("number").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("id").ValueKind);
        Assert.Equal("draft", document.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void A_credit_note_renders_negative_amounts_and_the_credited_number()
    {
        var credit = SampleInvoice.Issued().ToCreditNote("INV-2026-0002", new LocalDate(2026, 12, 5));

        using var document = JsonDocument.Parse(InvoiceJsonExporter.Render(credit));

        Assert.Equal("creditNote", document.RootElement.GetProperty("type").GetString());
        Assert.Equal("INV-2026-0001", document.RootElement.GetProperty("credits").GetString());
        Assert.True(document.RootElement.GetProperty("total").GetDecimal() < 0);
    }
}
