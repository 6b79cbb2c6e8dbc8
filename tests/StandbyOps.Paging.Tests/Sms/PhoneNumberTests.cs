using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Sms;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData(" +31 6 1234-5678 ", "+31612345678")]
    [InlineData("+1 (415) 867.5309", "+14158675309")]
    [InlineData("+12345678", "+12345678")]
    [InlineData("+123456789012345", "+123456789012345")]
    public void Typed_separators_are_removed(string input, string expected) => Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Theory]
    [InlineData("0612345678")]
    [InlineData("0031612345678")]
    [InlineData("+0612345678")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+31abc45678")]
    [InlineData("+")]
    [InlineData("")]
    [InlineData(null)]
    public void Numbers_not_in_international_form_are_invalid(string? input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out _));
        Assert.False(PhoneNumber.IsValid(input));
    }

    [Fact]
    public void Normalize_refuses_an_invalid_number_without_echoing_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => PhoneNumber.Normalize("0612345678"));
        Assert.DoesNotContain("0612345678", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValid_requires_the_strict_form() => Assert.False(PhoneNumber.IsValid("+31 6 12345678"));

    [Theory]
    [InlineData("+31612345678", "+31******678")]
    [InlineData("+12345678", "+12***678")]
    [InlineData("+31 6 1234 5678", "+31******678")]
    [InlineData("not a number", "***")]
    [InlineData(null, "***")]
    public void Masking_keeps_only_the_country_end_and_the_last_three_digits(string? input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Mask(input));
}
