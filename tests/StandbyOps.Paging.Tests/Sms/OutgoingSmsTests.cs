using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Sms;

public sealed class OutgoingSmsTests
{
    [Fact]
    public void The_recipient_is_normalized_to_e164() =>
        Assert.Equal("+31612345678", new OutgoingSms("+31 6 1234 5678", "hi", null, "k").To);

    [Theory]
    [InlineData("0612345678", "hi", null, "k")]
    [InlineData("+31612345678", "", null, "k")]
    [InlineData("+31612345678", "hi", "/relative", "k")]
    [InlineData("+31612345678", "hi", "ftp://x.example/cb", "k")]
    [InlineData("+31612345678", "hi", null, " ")]
    public void Invalid_fields_are_refused(string to, string body, string? callback, string key) =>
        Assert.Throws<ArgumentException>(() => new OutgoingSms(to, body, callback, key));

    [Fact]
    public void A_body_over_twilios_limit_is_refused() =>
        Assert.Throws<ArgumentException>(() => new OutgoingSms("+31612345678", new string('a', OutgoingSms.MaxBodyLength + 1), null, "k"));
}
