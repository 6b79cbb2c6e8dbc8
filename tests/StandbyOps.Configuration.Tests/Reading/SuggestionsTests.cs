using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Tests.Reading;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("intervall", "interval")]
    [InlineData("timout", "timeout")]
    [InlineData("sdt", "std")]
    [InlineData("HOLIDAYS", "holidays")]
    public void The_nearest_allowed_word_is_suggested(string input, string expected)
    {
        Assert.Equal(expected, Suggestions.Nearest(input, ["interval", "timeout", "std", "holidays"]));
    }

    [Fact]
    public void Nothing_is_suggested_when_no_word_is_near()
    {
        Assert.Null(Suggestions.Nearest("colour", ["provider", "twilio"]));
    }

    [Fact]
    public void A_swap_of_neighbouring_letters_is_one_edit()
    {
        Assert.Equal(1, Suggestions.Distance("hihg", "high"));
    }
}
