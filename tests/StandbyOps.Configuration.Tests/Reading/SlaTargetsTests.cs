using NodaTime;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.Reading;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Tests.Reading;

public sealed class SlaTargetsTests
{
    [Theory]
    [InlineData("4 business hours", SlaTargetKind.BusinessHours, 4)]
    [InlineData("1 business hour", SlaTargetKind.BusinessHours, 1)]
    [InlineData("2 business days", SlaTargetKind.BusinessDays, 2)]
    [InlineData("0.5 business days", SlaTargetKind.BusinessDays, 0.5)]
    public void Business_targets_keep_their_kind_and_amount(string text, SlaTargetKind kind, decimal amount)
    {
        var parsed = SlaTargets.Parse(text);

        Assert.Equal((kind, amount, text), (parsed.Value.Kind, parsed.Value.Amount, parsed.Value.Text));
    }

    [Fact]
    public void A_wall_clock_target_is_an_elapsed_duration()
    {
        Assert.Equal((SlaTargetKind.WallClock, Duration.FromMinutes(30)), (SlaTargets.Parse("30m").Value.Kind, SlaTargets.Parse("30m").Value.Elapsed));
    }

    [Theory]
    [InlineData("4 working hours")]
    [InlineData("business hours")]
    [InlineData("-1 business days")]
    [InlineData("0 business hours")]
    [InlineData("4 business weeks")]
    [InlineData("0m")]
    public void Other_targets_are_rejected(string text)
    {
        Assert.False(SlaTargets.Parse(text).Ok);
    }
}
