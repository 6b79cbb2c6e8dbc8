using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Billing;

/// <summary>An issued invoice's PDF carries everything needed to pay it, and it never changes once issued.</summary>
public sealed class PayableInvoicePdfTests(PayableInvoiceServer running) : IClassFixture<PayableInvoiceServer>
{
    [Fact]
    public async Task The_pdf_shows_seller_both_vat_ids_lines_and_totals_and_is_byte_identical_after_a_rate_card_change()
    {
        using var finance = await running.ClientAsync("finance");
        // DOMAIN.md's weekend example: Sat 21 Nov 2026 10:00–12:00 → 4 h minimum × 50% × €100 = €200.00, VAT €42.00.
        await PayableInvoiceServer.AgreeAsync(finance, "globex", "2026-11-21T10:00", "2026-11-21T12:00");
        var issued = await PayableInvoiceServer.IssueAsync(finance, "globex", "2026-11");
        var number = issued.GetProperty("number").GetString()!;

        var pdf = await PayableInvoiceServer.PdfAsync(finance, number);
        var text = PayableInvoiceServer.PdfText(pdf);

        Assert.Contains("Invoice " + number, text, StringComparison.Ordinal);
        Assert.Contains("Example MSP B.V.", text, StringComparison.Ordinal);
        Assert.Contains("VAT ID NL123456789B01", text, StringComparison.Ordinal);
        Assert.Contains("Globex International GmbH", text, StringComparison.Ordinal);
        Assert.Contains("VAT ID DE123456789", text, StringComparison.Ordinal);
        Assert.Contains("Invoice date: 2026-12-01", text, StringComparison.Ordinal);
        Assert.Contains("Due date: 2026-12-31", text, StringComparison.Ordinal);
        Assert.Contains("Service period: 2026-11-01 – 2026-11-30", text, StringComparison.Ordinal);
        Assert.Matches(@"Standby — weekend\s+2026-11-21 08:30\s+2026-11-21 18:00\s+2\.00\s+4\.00\s+100\.00\s+50\s+200\.00", text);
        Assert.Matches(@"Subtotal\s+200\.00", text);
        Assert.Matches(@"VAT 21%\s+42\.00", text);
        Assert.Matches(@"Total\s+EUR 242\.00", text);
        Assert.Contains("IBAN NL91 ABNA 0417 1643 00", text, StringComparison.Ordinal);
        // The JSON carries the same blocks.
        Assert.Equal("DE123456789", issued.GetProperty("buyer").GetProperty("vatId").GetString());
        Assert.Equal("2026-12-31", issued.GetProperty("dueDate").GetString());

        // Accept: application/pdf is the same export.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/invoices/{number}", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        using var negotiated = await finance.SendAsync(request);
        Assert.Equal(pdf, await negotiated.Content.ReadAsByteArrayAsync());

        // The rate card (and the seller's name) change; the issued invoice does not, to the byte.
        File.WriteAllText(running.ConfigPath, PayableInvoiceServer.ConfigAt("150.00", "Renamed MSP B.V."));
        using (var reload = await running.Admin.PostAsync(new Uri("/api/v1/admin/reload", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        }

        Assert.Equal(pdf, await PayableInvoiceServer.PdfAsync(finance, number));
        // …while a new draft is priced and addressed by the new configuration.
        await PayableInvoiceServer.AgreeAsync(finance, "globex", "2026-12-05T10:00", "2026-12-05T12:00");
        var december = await PayableInvoiceServer.DraftAsync(finance, "globex", "2026-12");
        Assert.Equal(150.00m, december.GetProperty("lines")[0].GetProperty("hourlyRate").GetDecimal());
        Assert.Equal("Renamed MSP B.V.", december.GetProperty("seller").GetProperty("name").GetString());
        Assert.Contains("Renamed MSP B.V.", PayableInvoiceServer.PdfText(await PayableInvoiceServer.PdfAsync(finance, december.GetProperty("id").GetString()!)), StringComparison.Ordinal);
    }
}
