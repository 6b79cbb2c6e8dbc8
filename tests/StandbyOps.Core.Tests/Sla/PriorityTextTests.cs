using StandbyOps.Core.Sla;

namespace StandbyOps.Core.Tests.Sla;

public class PriorityTextTests
{
    [Theory]
    [InlineData("P1", Priority.P1)]
    [InlineData("p2", Priority.P2)]
    [InlineData(" P3 ", Priority.P3)]
    [InlineData("P4", Priority.P4)]
    public void A_priority_parses_from_its_text(string text, Priority expected)
    {
        Assert.Equal(expected, PriorityText.Parse(text));
    }

    [Theory]
    [InlineData("P0")]
    [InlineData("P5")]
    [InlineData("high")]
    [InlineData("")]
    public void An_unknown_priority_is_a_format_error_naming_the_input(string text)
    {
        var error = Assert.Throws<FormatException>(() => PriorityText.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_priority_prints_as_p_and_its_level()
    {
        Assert.Equal(["P1", "P2", "P3", "P4"], Enum.GetValues<Priority>().Select(p => p.ToText()));
    }

    [Fact]
    public void Priorities_sort_critical_first()
    {
        Assert.True(Priority.P1 < Priority.P4);
    }
}
