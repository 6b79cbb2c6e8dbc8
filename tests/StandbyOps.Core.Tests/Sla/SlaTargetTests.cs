using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Core.Tests.Sla;

public class SlaTargetTests
{
    [Theory]
    [InlineData("4 business hours", SlaTargetKind.BusinessHours, "4")]
    [InlineData("1 business hour", SlaTargetKind.BusinessHours, "1")]
    [InlineData("2 business days", SlaTargetKind.BusinessDays, "2")]
    [InlineData("0.5 Business Days", SlaTargetKind.BusinessDays, "0.5")]
    [InlineData("  8 business  hours ", SlaTargetKind.BusinessHours, "8")]
    public void Business_targets_parse_with_their_amount(string text, SlaTargetKind kind, string amount)
    {
        var target = SlaTarget.Parse(text);

        Assert.Equal(kind, target.Kind);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), target.Amount);
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("4h", 240)]
    [InlineData("1h30m", 90)]
    [InlineData("1d", 1440)]
    [InlineData("90s", 1.5)]
    public void Wall_clock_targets_parse_as_elapsed_time(string text, double minutes)
    {
        var target = SlaTarget.Parse(text);

        Assert.Equal(SlaTargetKind.WallClock, target.Kind);
        Assert.Equal(Duration.FromMinutes(minutes), target.WallClockDuration);
    }

    [Theory]
    [InlineData("4 hours")]
    [InlineData("four business hours")]
    [InlineData("0 business hours")]
    [InlineData("-1 business days")]
    [InlineData("0m")]
    [InlineData("30")]
    [InlineData("30 minutes")]
    [InlineData("")]
    [InlineData("4 business weeks")]
    public void An_invalid_target_is_a_format_error_naming_the_input(string text)
    {
        var error = Assert.Throws<FormatException>(() => SlaTarget.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4 business hours")]
    [InlineData("1 business hour")]
    [InlineData("2.5 business days")]
    [InlineData("30m")]
    [InlineData("1h30m")]
    public void A_target_prints_as_it_is_written(string text)
    {
        Assert.Equal(text, SlaTarget.Parse(text).ToString());
    }

    [Fact]
    public void Targets_with_the_same_meaning_are_equal()
    {
        Assert.Equal(SlaTarget.Parse("4h"), SlaTarget.WallClock(Duration.FromHours(4)));
        Assert.Equal(SlaTarget.Parse("2 business days"), SlaTarget.BusinessDays(2));
    }

    [Fact]
    public void A_target_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTarget.BusinessHours(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTarget.WallClock(Duration.Zero));
    }
}
