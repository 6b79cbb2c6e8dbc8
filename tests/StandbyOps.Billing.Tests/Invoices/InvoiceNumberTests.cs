using StandbyOps.Billing.Invoices;

namespace StandbyOps.Billing.Tests.Invoices;

public class InvoiceNumberTests
{
    [Theory]
    [InlineData(2026, 1, "INV-2026-0001")]
    [InlineData(2026, 42, "INV-2026-0042")]
    [InlineData(2027, 10000, "INV-2027-10000")]
    public void Format_pads_the_sequence_to_four_digits(int year, int sequence, string expected)
    {
        Assert.Equal(expected, InvoiceNumber.Format(year, sequence));
    }

    [Fact]
    public void TryParse_reads_back_a_formatted_number()
    {
        Assert.True(InvoiceNumber.TryParse("INV-2026-0042", out var year, out var sequence));
        Assert.Equal((2026, 42), (year, sequence));
    }

    [Theory]
    [InlineData("INV-2026-42")]
    [InlineData("INV-2026-0000")]
    [InlineData("inv-2026-0001")]
    [InlineData("INV-2026-+001")]
    [InlineData(" INV-2026-0001")]
    [InlineData("INV-26-0001")]
    [InlineData(null)]
    public void TryParse_rejects_anything_format_would_not_write(string? text)
    {
        Assert.False(InvoiceNumber.TryParse(text, out _, out _));
    }

    [Fact]
    public void Sequences_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvoiceNumber.Format(2026, 0));
    }
}
