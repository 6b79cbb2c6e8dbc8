using NodaTime;

namespace StandbyOps.Core.Tests;

/// <summary>The one set of argument guards, shared by Core and billing.</summary>
public class PreconditionsTests
{
    [Fact]
    public void A_failed_requirement_names_the_parameter_and_formats_its_message()
    {
        var error = Assert.Throws<ArgumentException>(() => Preconditions.Require(1 > 2, "count", $"{1} is not above {2}"));

        Assert.Equal(("count", "1 is not above 2 (Parameter 'count')"), (error.ParamName, error.Message));
    }

    [Fact]
    public void A_met_requirement_does_not_format_its_message()
    {
        var formatted = false;

        Preconditions.Require(true, "x", $"{Format(ref formatted)}");

        Assert.False(formatted);
    }

    [Fact]
    public void Blank_and_null_are_refused_where_text_is_required()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Preconditions.NotBlank(" ", "name")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => Preconditions.NotNull<string>(null, "name")).ParamName);
        Assert.Equal("ok", Preconditions.NotBlank("ok", "name"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1.5", true)]
    [InlineData("0.25", true)]
    [InlineData("0.01", false)]
    [InlineData("-1", false)]
    public void Hour_amounts_must_be_whole_minutes_and_not_negative(string hours, bool accepted)
    {
        var value = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture);

        if (accepted)
        {
            Assert.Equal(value, Preconditions.WholeMinutesOfHours(value, "hours"));
        }
        else
        {
            Assert.ThrowsAny<ArgumentException>(() => Preconditions.WholeMinutesOfHours(value, "hours"));
        }
    }

    [Fact]
    public void A_period_must_end_after_it_starts()
    {
        var start = Instant.FromUtc(2026, 11, 20, 14, 0);

        Assert.Equal((start, start + Duration.FromMinutes(1)), Preconditions.Period(start, start + Duration.FromMinutes(1), "A callout"));
        Assert.Contains("is empty", Assert.Throws<ArgumentException>(() => Preconditions.Period(start, start, "A callout")).Message, StringComparison.Ordinal);
        Assert.Contains("before it starts", Assert.Throws<ArgumentException>(() => Preconditions.Period(start, start - Duration.Epsilon, "A callout")).Message, StringComparison.Ordinal);
    }

    private static string Format(ref bool formatted)
    {
        formatted = true;
        return "formatted";
    }
}
