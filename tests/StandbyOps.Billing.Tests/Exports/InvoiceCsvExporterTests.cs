using System.Text;
using StandbyOps.Billing.Exports;
using StandbyOps.Billing.Tests.Support;

namespace StandbyOps.Billing.Tests.Exports;

public class InvoiceCsvExporterTests
{
    [Fact]
    public void The_sample_invoice_renders_exactly_as_the_golden_file()
    {
        Golden.AssertMatches(InvoiceCsvExporter.Render(SampleInvoice.Issued()), "INV-2026-0001.csv");
    }

    [Fact]
    public void Rendering_the_same_frozen_invoice_twice_gives_identical_bytes()
    {
        var invoice = SampleInvoice.Issued();

        Assert.Equal(InvoiceCsvExporter.Render(invoice), InvoiceCsvExporter.Render(invoice));
    }

    [Fact]
    public void Rows_end_with_crlf_and_there_is_no_byte_order_mark()
    {
        var bytes = InvoiceCsvExporter.Render(SampleInvoice.Issued());
        var text = Encoding.UTF8.GetString(bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_with_commas_or_quotes_are_quoted_with_doubled_quotes()
    {
        var text = Encoding.UTF8.GetString(InvoiceCsvExporter.Render(SampleInvoice.Issued()));

        Assert.Contains(",\"ACME \"\"Shop\"\" & Co, B.V. <NL>\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"Bram \"\"B\"\" Jansen\",false,", text, StringComparison.Ordinal);
        Assert.Contains(",\"Weg 2; 3511 AA Utrecht, NL\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_has_as_many_fields_as_the_header()
    {
        var text = Encoding.UTF8.GetString(InvoiceCsvExporter.Render(SampleInvoice.Issued()));

        var rows = ParseRfc4180(text);

        Assert.All(rows, row => Assert.Equal(InvoiceCsvExporter.Columns.Count, row.Count));
        Assert.Equal(InvoiceCsvExporter.Columns, rows[0]);
    }

    [Fact]
    public void Several_invoices_share_one_header_row()
    {
        var invoice = SampleInvoice.Issued();

        var rows = ParseRfc4180(Encoding.UTF8.GetString(InvoiceCsvExporter.Render([invoice, invoice])));

        Assert.Single(rows, r => r[0] == "invoice");
        Assert.Equal(1 + (2 * (invoice.Lines.Count + 3)), rows.Count);
    }

    [Fact]
    public void Line_amounts_add_up_to_the_subtotal_row()
    {
        var rows = ParseRfc4180(Encoding.UTF8.GetString(InvoiceCsvExporter.Render(SampleInvoice.Issued())));
        var kind = IndexOf("kind");
        var amount = IndexOf("amount");

        var lines = rows.Skip(1).Where(r => r[kind] is "standby" or "callout").Sum(r => decimal.Parse(r[amount], System.Globalization.CultureInfo.InvariantCulture));
        var subtotal = decimal.Parse(rows.Single(r => r[kind] == "subtotal")[amount], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(subtotal, lines);
    }

    private static int IndexOf(string column) => InvoiceCsvExporter.Columns.ToList().IndexOf(column);

    /// <summary>A strict little RFC 4180 reader, independent of the writer under test.</summary>
    private static List<List<string>> ParseRfc4180(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (!(text[i] == '"' && (i + 1 >= text.Length || text[i + 1] != '"')))
                {
                    field.Append(text[i]);
                    i += text[i] == '"' ? 2 : 1;
                }

                i++;
            }

            while (i < text.Length && text[i] is not ',' and not '\r')
            {
                field.Append(text[i++]);
            }

            row.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == '\r')
            {
                Assert.Equal('\n', text[i + 1]);
                rows.Add(row);
                row = [];
                i += 2;
            }
            else
            {
                i++;
            }
        }

        return rows;
    }
}
