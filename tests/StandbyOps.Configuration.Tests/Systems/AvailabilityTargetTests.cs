namespace StandbyOps.Configuration.Tests.Systems;

public sealed class AvailabilityTargetTests
{
    [Fact]
    public void A_system_reads_its_availability_target_and_has_none_by_default()
    {
        var config = Loading.Load(Loading.PreambleWithSystem + """
                    availabilityTarget: 99.9
                  shop: { name: Shop }
            """).Valid();

        Assert.Equal(99.9m, config.Customers["acme"].Systems["web"].AvailabilityTarget);
        Assert.Null(config.Customers["acme"].Systems["shop"].AvailabilityTarget);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100.5")]
    [InlineData("-1")]
    [InlineData("\"99,9\"")]
    [InlineData("high")]
    public void A_target_that_is_not_a_percentage_above_0_is_an_error_at_its_line(string value)
    {
        var result = Loading.Load(Loading.PreambleWithSystem + $"""
                    availabilityTarget: {value}
            """);

        var error = result.SingleError();
        Assert.Equal(11, error.Line);
        Assert.Contains("availabilityTarget", error.Message, StringComparison.Ordinal);
    }
}
