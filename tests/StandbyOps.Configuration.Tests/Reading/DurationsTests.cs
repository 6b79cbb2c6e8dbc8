using NodaTime;
using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Tests.Reading;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("4h", 14_400)]
    [InlineData("24h", 86_400)]
    [InlineData("1d", 86_400)]
    [InlineData("1h30m", 5_400)]
    [InlineData("0m", 0)]
    public void Allowed_forms_parse_to_elapsed_seconds(string text, long seconds)
    {
        var parsed = Durations.Parse(text);

        Assert.True(parsed.Ok, parsed.Problem);
        Assert.Equal(Duration.FromSeconds(seconds), parsed.Value);
    }

    [Fact]
    public void Milliseconds_are_a_unit_of_their_own()
    {
        Assert.Equal(Duration.FromMilliseconds(500), Durations.Parse("500ms").Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("30", "unit is missing")]
    [InlineData("5 min", "unit is missing")]
    [InlineData("1.5h", "fractions")]
    [InlineData("-5m", "negative")]
    [InlineData("5m1h", "largest to smallest")]
    [InlineData("5w", "not one of ms, s, m, h, d")]
    [InlineData("m", "whole number")]
    public void Other_forms_are_rejected_with_the_reason(string text, string reason)
    {
        var parsed = Durations.Parse(text);

        Assert.False(parsed.Ok);
        Assert.Contains(reason, parsed.Problem, StringComparison.Ordinal);
        Assert.Contains("30s, 5m, 4h, 1d", parsed.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Positive_durations_reject_zero()
    {
        Assert.False(Durations.ParsePositive("0s").Ok);
        Assert.True(Durations.ParsePositive("1s").Ok);
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("45m")]
    [InlineData("1d2h3m4s")]
    [InlineData("250ms")]
    public void Formatting_gives_back_the_canonical_text(string text)
    {
        Assert.Equal(text, Durations.Format(Durations.Parse(text).Value));
    }
}
