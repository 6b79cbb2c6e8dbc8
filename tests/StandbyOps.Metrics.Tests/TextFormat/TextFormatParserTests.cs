using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics.Tests.TextFormat;

public class TextFormatParserTests
{
    public static TheoryData<string, int, int, string> LineErrors => new()
    {
        { "x 1", 1, 4, "missing newline (LF) at the end of the last line" },
        { "x 1\ny 2", 2, 4, "missing newline" },
        { "x 1\r\n", 1, 4, "carriage return" },
        { "x 1\ny 2\r\n", 2, 4, "carriage return" },
        { "\r\n", 1, 1, "carriage return" },
        { "x{a=\"b\rc\"} 1\n", 1, 7, "carriage return" },
    };

    public static TheoryData<string, int, int, string> HelpAndTypeErrors => new()
    {
        { "# HELP x a\n# HELP x b\n", 2, 8, "second HELP line for metric name 'x'" },
        { "# TYPE x counter\n# TYPE x gauge\n", 2, 8, "second TYPE line for metric name 'x'" },
        { "x 1\n# TYPE x counter\n", 2, 8, "TYPE line for metric name 'x' must come before its samples" },
        { "# TYPE x counte\n", 1, 10, "unknown metric type 'counte'" },
        { "# TYPE x counter \n", 1, 10, "unknown metric type 'counter '" },
        { "# HELP x bad\\escape\n", 1, 13, "invalid escape sequence '\\e' in HELP text" },
        { "# HELP x trailing\\\n", 1, 18, "incomplete escape sequence" },
        { "# HELP x{ y\n", 1, 9, "unexpected character '{' after metric name 'x'" },
        { "# HELP 1x y\n", 1, 8, "invalid metric name in HELP line" },
        { "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n# TYPE h_count gauge\n", 4, 8, "second TYPE line for metric name 'h'" },
    };

    public static TheoryData<string, int, int, string> GroupingErrors => new()
    {
        { "x 1\ny 1\nx 2\n", 3, 1, "metric family 'x' is not contiguous: it began on line 1" },
        { "x 1\ny 1\n# HELP x late\n", 3, 8, "not contiguous" },
        { "x{a=\"1\"} 1\nx{a=\"1\"} 2\n", 2, 1, "duplicate series x{a=\"1\"}" },
        { "x{a=\"1\",b=\"2\"} 1\nx{b=\"2\",a=\"1\"} 2\n", 2, 1, "duplicate series" },
        { "x 1\nx{a=\"\"} 2\n", 2, 1, "duplicate series x" },
    };

    public static TheoryData<string, int, int, string> NameAndLabelErrors => new()
    {
        { "1x 1\n", 1, 1, "invalid metric name: unexpected character '1'" },
        { "x-y 1\n", 1, 2, "unexpected character '-' after metric name 'x'" },
        { "{\"x\"} 1\n", 1, 1, "quoted metric names" },
        { "x{1a=\"b\"} 1\n", 1, 3, "invalid label name: unexpected character '1'" },
        { "x{\"a\"=\"b\"} 1\n", 1, 3, "quoted label names are not supported" },
        { "x{__a=\"b\"} 1\n", 1, 3, "label name '__a' is reserved" },
        { "x{a=\"1\",a=\"2\"} 1\n", 1, 9, "duplicate label name 'a'" },
        { "x{a=\"1\",a=\"\"} 1\n", 1, 9, "duplicate label name 'a'" },
        { "x{a=b} 1\n", 1, 5, "expected '\"' to start the value of label 'a', found 'b'" },
        { "x{a \"b\"} 1\n", 1, 5, "expected '=' after label name 'a', found '\"'" },
        { "x{a=\"b\" 1\n", 1, 9, "expected ',' or '}' after the value of label 'a', found '1'" },
        { "x{a=\"b\",,} 1\n", 1, 9, "invalid label name: unexpected character ','" },
        { "x{a=\"b} 1\n", 1, 5, "unterminated value of label 'a'" },
        { "x{a=\"b\\\n", 1, 5, "unterminated value of label 'a'" },
        { "x{a=\"b\\tc\"} 1\n", 1, 7, "invalid escape sequence '\\t' in label value" },
        { "x{a=\"b\"\n", 1, 8, "unterminated label list" },
        { "x{a\n", 1, 4, "expected '=' after label name 'a', found the end of the line" },
    };

    public static TheoryData<string, int, int, string> ValueAndTimestampErrors => new()
    {
        { "x\n", 1, 2, "missing value for 'x'" },
        { "x{a=\"b\"}\n", 1, 9, "missing value for 'x'" },
        { "x abc\n", 1, 3, "invalid value 'abc'" },
        { "x 1p5\n", 1, 3, "invalid value '1p5'" },
        { "x 0x1p-2\n", 1, 3, "invalid value" },
        { "x 1_000\n", 1, 3, "invalid value" },
        { "x 1e400\n", 1, 3, "invalid value" },
        { "x 1 12a\n", 1, 5, "invalid timestamp '12a'" },
        { "x 1 1.5\n", 1, 5, "invalid timestamp '1.5'" },
        { "x 1 9223372036854775808\n", 1, 5, "invalid timestamp" },
        { "x 1 123 extra\n", 1, 9, "unexpected text after the timestamp" },
    };

    public static TheoryData<string, int, int, string> HistogramAndSummaryErrors => new()
    {
        { "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", 2, 1, "histogram series h has no bucket with le=\"+Inf\"" },
        { "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\ny 1\n", 2, 1, "histogram series h has no h_count sample" },
        { "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n", 4, 9, "h_count is 1 but its le=\"+Inf\" bucket is 2" },
        { "# TYPE h histogram\nh_count 1\nh_bucket{le=\"+Inf\"} 2\n", 3, 21, "they must be equal" },
        { "# TYPE h histogram\nh_bucket{le=\"abc\"} 1\n", 2, 13, "invalid le value 'abc'" },
        { "# TYPE h histogram\nh_bucket{le=\"NaN\"} 1\n", 2, 13, "le value must not be NaN" },
        { "# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\n", 3, 13, "bucket le=\"1\" must be greater than the previous bucket's le=\"2\"" },
        { "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 1\n", 3, 18, "bucket counts must be cumulative" },
        { "# TYPE h histogram\nh_bucket{le=\"1\"} -1\n", 2, 18, "a count must be a non-negative number" },
        { "# TYPE h histogram\nh_bucket 1\n", 2, 1, "'h_bucket' needs a non-empty 'le' label" },
        { "# TYPE h histogram\nh_bucket{le=\"\"} 1\n", 2, 1, "needs a non-empty 'le' label" },
        { "# TYPE h histogram\nh 1\n", 2, 1, "histogram 'h' takes only h_bucket, h_sum and h_count samples" },
        { "# TYPE h histogram\nh_sum{le=\"1\"} 1\n", 2, 7, "label 'le' is not allowed on 'h_sum'" },
        { "# TYPE h histogram\nh_bucket{a=\"1\",le=\"+Inf\"} 1\nh_count{a=\"1\"} 1\nh_bucket{a=\"2\",le=\"1\"} 1\nh_count{a=\"2\"} 1\n", 4, 1, "histogram series h{a=\"2\"} has no bucket" },
        { "# TYPE s summary\ns 1\n", 2, 1, "'s' needs a non-empty 'quantile' label" },
        { "# TYPE s summary\ns{quantile=\"0.9\"} 1\ns{quantile=\"0.5\"} 1\n", 3, 12, "quantile=\"0.5\" must be greater than the previous quantile=\"0.9\"" },
        { "# TYPE s summary\ns{quantile=\"high\"} 1\n", 2, 12, "invalid quantile value 'high'" },
        { "# TYPE s summary\ns_count{quantile=\"0.5\"} 1\n", 2, 9, "label 'quantile' is not allowed on 's_count'" },
    };

    [Theory]
    [MemberData(nameof(LineErrors))]
    [MemberData(nameof(HelpAndTypeErrors))]
    [MemberData(nameof(GroupingErrors))]
    [MemberData(nameof(NameAndLabelErrors))]
    [MemberData(nameof(ValueAndTimestampErrors))]
    [MemberData(nameof(HistogramAndSummaryErrors))]
    public void Invalid_body_is_rejected_at_the_offending_line_and_column(string body, int line, int column, string reason)
    {
        var error = Assert.Throws<TextFormatException>(() => TextFormatParser.Parse(body));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("  \t\n")]
    [InlineData("# just a comment\n#\n")]
    [InlineData("# HELP x\n# TYPE x\n")]
    [InlineData("# HELP x documented but never sampled\n# TYPE x gauge\n")]
    public void Body_without_samples_has_no_families(string body) =>
        Assert.Empty(TextFormatParser.Parse(body));

    [Fact]
    public void Untyped_sample_without_help_or_type_is_an_untyped_family()
    {
        var family = Assert.Single(TextFormatParser.Parse("x 1\n"));

        Assert.Equal(new MetricFamily("x", null, MetricType.Untyped, [Sample("x", 1)]), family);
    }

    [Fact]
    public void Protocol_example_parses_into_counter_and_histogram_families()
    {
        const string body = """
            # HELP sms_sent_total SMS accepted by Twilio.
            # TYPE sms_sent_total counter
            sms_sent_total{status="queued"} 12
            # HELP sms_send_duration_seconds Twilio API latency.
            # TYPE sms_send_duration_seconds histogram
            sms_send_duration_seconds_bucket{le="0.1"} 3
            sms_send_duration_seconds_bucket{le="+Inf"} 12
            sms_send_duration_seconds_sum 2.5
            sms_send_duration_seconds_count 12

            """;

        var families = TextFormatParser.Parse(body);

        Assert.Equal(
            [
                new MetricFamily("sms_sent_total", "SMS accepted by Twilio.", MetricType.Counter, [Sample("sms_sent_total", 12, ("status", "queued"))]),
                new MetricFamily("sms_send_duration_seconds", "Twilio API latency.", MetricType.Histogram,
                [
                    Sample("sms_send_duration_seconds_bucket", 3, ("le", "0.1")),
                    Sample("sms_send_duration_seconds_bucket", 12, ("le", "+Inf")),
                    Sample("sms_send_duration_seconds_sum", 2.5),
                    Sample("sms_send_duration_seconds_count", 12),
                ]),
            ],
            families);
    }

    [Fact]
    public void Trailing_comma_and_blanks_inside_the_label_list_are_allowed()
    {
        var family = Assert.Single(TextFormatParser.Parse("x { a = \"1\" ,\tb=\"2\", }  7\n"));

        Assert.Equal(Sample("x", 7, ("a", "1"), ("b", "2")), Assert.Single(family.Samples));
    }

    [Fact]
    public void Empty_label_value_is_the_same_as_no_label()
    {
        var family = Assert.Single(TextFormatParser.Parse("x{a=\"\",b=\"2\"} 1\n"));

        Assert.Equal(LabelSet.Of(("b", "2")), Assert.Single(family.Samples).Labels);
    }

    [Fact]
    public void Label_value_escapes_are_decoded()
    {
        var family = Assert.Single(TextFormatParser.Parse("x{path=\"C:\\\\dir\\\\\",quote=\"say \\\"hi\\\"\",text=\"a\\nb\"} 1\n"));

        Assert.Equal(LabelSet.Of(("path", "C:\\dir\\"), ("quote", "say \"hi\""), ("text", "a\nb")), family.Samples[0].Labels);
    }

    [Fact]
    public void Help_escapes_are_decoded_including_the_quote_go_tolerates()
    {
        var family = Assert.Single(TextFormatParser.Parse("# HELP x Line\\none \\\\ \\\"q\\\" \"raw\"\nx 1\n"));

        Assert.Equal("Line\none \\ \"q\" \"raw\"", family.Help);
    }

    [Fact]
    public void Timestamps_are_integer_milliseconds_and_may_be_negative()
    {
        var family = Assert.Single(TextFormatParser.Parse("x{a=\"1\"} 1 1458255915000\nx{a=\"2\"} 2 -5  \n"));

        Assert.Equal([1458255915000L, -5L], family.Samples.Select(s => s.TimestampMs!.Value));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    public void Nan_value_is_accepted(string text) =>
        Assert.True(double.IsNaN(TextFormatParser.Parse($"x {text}\n")[0].Samples[0].Value));

    [Theory]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1e3", 1000)]
    [InlineData(".5", 0.5)]
    [InlineData("-0.25", -0.25)]
    public void Values_use_go_float_syntax(string text, double expected) =>
        Assert.Equal(expected, TextFormatParser.Parse($"x {text}\n")[0].Samples[0].Value);

    [Fact]
    public void Type_keyword_is_case_insensitive_as_in_go()
    {
        var family = Assert.Single(TextFormatParser.Parse("# TYPE x_total COUNTER\nx_total 1\n"));

        Assert.Equal(MetricType.Counter, family.Type);
    }

    [Fact]
    public void Comment_without_space_after_hash_still_counts_as_help()
    {
        var family = Assert.Single(TextFormatParser.Parse("#HELP x text\nx 1\n"));

        Assert.Equal("text", family.Help);
    }

    [Fact]
    public void Plain_comments_between_samples_keep_the_family_contiguous()
    {
        var family = Assert.Single(TextFormatParser.Parse("x{a=\"1\"} 1\n# a note\n\nx{a=\"2\"} 2\n"));

        Assert.Equal(2, family.Samples.Count);
    }

    [Fact]
    public void Histogram_le_values_are_normalised_to_go_formatting()
    {
        const string body = "# TYPE h histogram\nh_bucket{le=\"1.0\"} 1\nh_bucket{le=\"1e1\"} 2\nh_bucket{le=\"+inf\"} 3\nh_count 3\n";

        var family = Assert.Single(TextFormatParser.Parse(body));

        Assert.Equal(["1", "10", "+Inf", null], family.Samples.Select(s => s.Labels.Get("le")));
    }

    [Fact]
    public void Histogram_series_are_checked_separately_per_label_set()
    {
        const string body = """
            # TYPE h histogram
            h_bucket{code="200",le="1"} 1
            h_bucket{code="200",le="+Inf"} 2
            h_sum{code="200"} 1.5
            h_count{code="200"} 2
            h_bucket{code="500",le="0.5"} 4
            h_bucket{code="500",le="+Inf"} 4
            h_count{code="500"} 4

            """;

        var family = Assert.Single(TextFormatParser.Parse(body));

        Assert.Equal(MetricType.Histogram, family.Type);
        Assert.Equal(7, family.Samples.Count);
    }

    [Fact]
    public void Summary_samples_join_their_family_and_quantiles_are_normalised()
    {
        const string body = "# TYPE s summary\ns{quantile=\"0.50\"} 1\ns{quantile=\"0.9\"} 2\ns_sum 3\ns_count 2\n";

        var family = Assert.Single(TextFormatParser.Parse(body));

        Assert.Equal(["s", "s", "s_sum", "s_count"], family.Samples.Select(s => s.Name));
        Assert.Equal("0.5", family.Samples[0].Labels.Get("quantile"));
    }

    [Fact]
    public void Count_suffix_of_an_untyped_name_is_a_family_of_its_own()
    {
        var families = TextFormatParser.Parse("x 1\nx_count 2\n");

        Assert.Equal(["x", "x_count"], families.Select(f => f.Name));
    }

    [Fact]
    public void Le_label_on_a_gauge_is_an_ordinary_label()
    {
        var family = Assert.Single(TextFormatParser.Parse("# TYPE g gauge\ng{le=\"whatever\"} 1\n"));

        Assert.Equal("whatever", family.Samples[0].Labels.Get("le"));
    }

    [Fact]
    public void Families_keep_the_order_of_first_appearance()
    {
        var families = TextFormatParser.Parse("b 1\na 1\nc 1\n");

        Assert.Equal(["b", "a", "c"], families.Select(f => f.Name));
    }

    private static MetricSample Sample(string name, double value, params (string Name, string Value)[] labels) =>
        new(name, LabelSet.Of(labels), value);
}
