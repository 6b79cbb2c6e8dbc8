using System.Text;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Tests.Support;

namespace StandbyOps.Billing.Tests.Exports;

public class InvoiceHtmlExporterTests
{
    [Fact]
    public void The_sample_invoice_renders_exactly_as_the_golden_file()
    {
        Golden.AssertMatches(InvoiceHtmlExporter.Render(SampleInvoice.Issued()), "INV-2026-0001.html");
    }

    [Fact]
    public void Rendering_the_same_frozen_invoice_twice_gives_identical_bytes()
    {
        var invoice = SampleInvoice.Issued();

        Assert.Equal(InvoiceHtmlExporter.Render(invoice), InvoiceHtmlExporter.Render(invoice));
    }

    [Fact]
    public void Text_from_data_is_html_escaped()
    {
        var html = Encoding.UTF8.GetString(InvoiceHtmlExporter.Render(SampleInvoice.Issued()));

        Assert.Contains("ACME &quot;Shop&quot; &amp; Co, B.V. &lt;NL&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<NL>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_with_print_css()
    {
        var html = Encoding.UTF8.GetString(InvoiceHtmlExporter.Render(SampleInvoice.Issued()));

        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_show_the_currency_and_thousands_separators()
    {
        var html = Encoding.UTF8.GetString(InvoiceHtmlExporter.Render(SampleInvoice.Issued()));

        Assert.Contains("EUR 1,450.00", html, StringComparison.Ordinal);
    }
}
