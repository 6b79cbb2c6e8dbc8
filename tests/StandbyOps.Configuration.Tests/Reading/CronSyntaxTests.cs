using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Tests.Reading;

public sealed class CronSyntaxTests
{
    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 8-18/2 * * mon-fri")]
    [InlineData("0 0 1,15 jan,jul 0")]
    [InlineData("59 23 31 12 7")]
    public void Five_field_expressions_within_range_are_accepted(string expression)
    {
        Assert.True(CronSyntax.Parse(expression).Ok, CronSyntax.Parse(expression).Problem);
    }

    [Theory]
    [InlineData("0 2 * *", "5 fields")]
    [InlineData("0 2 * * * *", "5 fields")]
    [InlineData("60 2 * * *", "field 1 (minute)")]
    [InlineData("0 2 0 * *", "field 3 (day-of-month)")]
    [InlineData("0 2 * 13 *", "field 4 (month)")]
    [InlineData("0 2 * * 8", "field 5 (day-of-week)")]
    [InlineData("0 5-2 * * *", "low to high")]
    [InlineData("*/0 * * * *", "step")]
    [InlineData("@daily", "5 fields")]
    public void Bad_expressions_are_rejected_naming_the_field(string expression, string problem)
    {
        var parsed = CronSyntax.Parse(expression);

        Assert.False(parsed.Ok);
        Assert.Contains(problem, parsed.Problem, StringComparison.Ordinal);
    }
}
