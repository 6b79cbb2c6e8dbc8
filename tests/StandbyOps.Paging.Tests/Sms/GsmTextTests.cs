using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Sms;

public sealed class GsmTextTests
{
    [Theory]
    [InlineData("Łódź", "Lodz")]
    [InlineData("Čeština façade", "Cestina facade")]
    [InlineData("Œuvre", "OEuvre")]
    [InlineData("“quoted” – ‘single’…", "\"quoted\" - 'single'...")]
    [InlineData("tab\there", "tab here")]
    [InlineData("disk 😀 full", "disk ? full")]
    [InlineData("中", "?")]
    public void Text_is_folded_into_gsm7(string input, string expected) => Assert.Equal(expected, GsmText.ToGsm7(input));

    [Fact]
    public void Text_already_in_gsm7_is_unchanged()
    {
        const string text = "Ärger über Öl: é è ñ ß Ø {€}";
        Assert.Same(text, GsmText.ToGsm7(text));
    }
}
