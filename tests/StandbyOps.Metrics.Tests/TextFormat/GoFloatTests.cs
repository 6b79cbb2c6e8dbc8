using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class GoFloatTests
{
    // Expected strings are Go's strconv.FormatFloat(v, 'g', -1, 64).
    public static TheoryData<double, string> GoFormatting => new()
    {
        { 0, "0" },
        { -0.0, "-0" },
        { 1, "1" },
        { -1, "-1" },
        { 2.5, "2.5" },
        { 0.05, "0.05" },
        { -0.5, "-0.5" },
        { 0.1 + 0.2, "0.30000000000000004" },
        { 12345.678, "12345.678" },
        { 100000, "100000" },
        { 123456, "123456" },
        { 999999, "999999" },
        { 1e6, "1e+06" },
        { 1234567, "1.234567e+06" },
        { 1458255915, "1.458255915e+09" },
        { 9007199254740993, "9.007199254740992e+15" },
        { 1.23e20, "1.23e+20" },
        { 1e21, "1e+21" },
        { 1e100, "1e+100" },
        { double.MaxValue, "1.7976931348623157e+308" },
        { 0.0001, "0.0001" },
        { 0.000123, "0.000123" },
        { 0.00001, "1e-05" },
        { 1.5e-7, "1.5e-07" },
        { -1e-7, "-1e-07" },
        { 1e-310, "1e-310" },
        { double.Epsilon, "5e-324" },
        { double.NaN, "NaN" },
        { double.PositiveInfinity, "+Inf" },
        { double.NegativeInfinity, "-Inf" },
    };

    public static TheoryData<string, double> GoParsable => new()
    {
        { "1", 1 },
        { "-1.5", -1.5 },
        { "+1.5", 1.5 },
        { ".5", 0.5 },
        { "5.", 5 },
        { "1E5", 100000 },
        { "1e-400", 0 },
        { "1.458255915e+09", 1458255915 },
        { "+Inf", double.PositiveInfinity },
        { "-Inf", double.NegativeInfinity },
        { "inf", double.PositiveInfinity },
        { "-INFINITY", double.NegativeInfinity },
        { "Infinity", double.PositiveInfinity },
    };

    public static TheoryData<string> NotGoFloats => new()
    {
        "",
        " 1",
        "1 ",
        "0x1p-2",
        "0x10",
        "1p5",
        "1P5",
        "1_000",
        "+NaN",
        "-nan",
        "Infin",
        "1e",
        "1e+",
        ".",
        "+",
        "1.2.3",
        "--1",
        "1,5",
        "1e400",
        "-1e400",
        "\u0661",
    };

    [Theory]
    [MemberData(nameof(GoFormatting))]
    public void Formats_like_go_strconv_g_shortest(double value, string expected) =>
        Assert.Equal(expected, GoFloat.Format(value));

    [Theory]
    [MemberData(nameof(GoParsable))]
    public void Parses_go_float_syntax(string text, double expected)
    {
        Assert.True(GoFloat.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("NAN")]
    public void Parses_nan_in_any_case(string text)
    {
        Assert.True(GoFloat.TryParse(text, out var value));
        Assert.True(double.IsNaN(value));
    }

    [Theory]
    [MemberData(nameof(NotGoFloats))]
    public void Rejects_what_go_parsefloat_or_prometheus_rejects(string text) =>
        Assert.False(GoFloat.TryParse(text, out _));

    [Fact]
    public void Formatting_round_trips_random_doubles_bit_for_bit()
    {
        var random = new Random(20260401);
        Span<byte> bytes = stackalloc byte[8];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(bytes);
            var value = BitConverter.ToDouble(bytes);
            if (double.IsNaN(value))
            {
                continue;
            }

            var text = GoFloat.Format(value);
            Assert.True(GoFloat.TryParse(text, out var parsed), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed));
        }
    }
}
