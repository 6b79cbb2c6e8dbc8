using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class TextFormatWriterTests
{
    [Fact]
    public void Help_escapes_only_backslash_and_newline()
    {
        var family = new MetricFamily("x", "Line one\nback\\slash \"quoted\"", MetricType.Gauge, [new MetricSample("x", LabelSet.Empty, 1)]);

        var text = TextFormatWriter.Render([family]);

        Assert.StartsWith("# HELP x Line one\\nback\\\\slash \"quoted\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline()
    {
        var family = new MetricFamily("x", null, MetricType.Gauge, [new MetricSample("x", LabelSet.Of(("path", "a\"b\\c\nd é")), 1)]);

        var text = TextFormatWriter.Render([family]);

        Assert.Equal("# TYPE x gauge\nx{path=\"a\\\"b\\\\c\\nd é\"} 1\n", text);
    }

    [Fact]
    public void Special_values_and_timestamps_are_written_as_go_does()
    {
        var family = new MetricFamily("x", null, MetricType.Untyped,
        [
            new MetricSample("x", LabelSet.Of(("v", "nan")), double.NaN),
            new MetricSample("x", LabelSet.Of(("v", "pinf")), double.PositiveInfinity),
            new MetricSample("x", LabelSet.Of(("v", "ninf")), double.NegativeInfinity),
            new MetricSample("x", LabelSet.Of(("v", "big")), 1458255915, 1458255915000),
        ]);

        var text = TextFormatWriter.Render([family]);

        Assert.Equal(
            "# TYPE x untyped\nx{v=\"nan\"} NaN\nx{v=\"pinf\"} +Inf\nx{v=\"ninf\"} -Inf\nx{v=\"big\"} 1.458255915e+09 1458255915000\n",
            text);
    }

    [Fact]
    public void Family_without_samples_is_not_written()
    {
        var text = TextFormatWriter.Render([new MetricFamily("x", "Nothing yet.", MetricType.Gauge, [])]);

        Assert.Equal(string.Empty, text);
    }

    [Fact]
    public void Content_type_is_the_go_client_text_format()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", TextFormatWriter.ContentType);
    }
}
