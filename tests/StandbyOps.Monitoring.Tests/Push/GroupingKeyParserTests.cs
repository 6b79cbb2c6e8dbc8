using StandbyOps.Monitoring.Push;

namespace StandbyOps.Monitoring.Tests.Push;

/// <summary>The PROTOCOLS.md §6 path vectors (Pushgateway handler_test.go and README).</summary>
public sealed class GroupingKeyParserTests
{
    [Fact]
    public void A_plain_job_gets_an_empty_instance_label()
    {
        var key = GroupingKeyParser.Parse("job/node");

        Assert.Equal("node", key.Job);
        Assert.Equal("{instance=\"\",job=\"node\"}", key.ToString());
    }

    [Fact]
    public void Label_pairs_after_the_job_join_the_key_sorted_by_name()
    {
        var key = GroupingKeyParser.Parse("job/node/zone/eu/instance/host-1");

        Assert.Equal("{instance=\"host-1\",job=\"node\",zone=\"eu\"}", key.ToString());
    }

    [Theory]
    [InlineData("job/j/label_name1@base64/bGFiZWwvdmFsdWUx", "label_name1", "label/value1")]
    [InlineData("job/j/label_name2@base64/bGFiZWwvdmFsdWUy==", "label_name2", "label/value2")]
    [InlineData("job/j/instance@base64/dGVzdGluc3RhbmNl", "instance", "testinstance")]
    [InlineData("job/j/path@base64/L3Zhci90bXA", "path", "/var/tmp")]
    [InlineData("job/j/name@base64/zqDPgc6_zrzOt864zrXPjc-C", "name", "Προμηθεύς")]
    [InlineData("job/j/first_label@base64/=", "first_label", "")]
    public void Base64_label_values_decode_as_url_safe_base64_with_optional_padding(string path, string label, string expected)
    {
        Assert.Equal(expected, GroupingKeyParser.Parse(path).Get(label));
    }

    [Fact]
    public void A_base64_job_is_decoded()
    {
        Assert.Equal("/var/tmp", GroupingKeyParser.Parse("job@base64/L3Zhci90bXA/a/b").Job);
    }

    [Fact]
    public void An_empty_base64_value_is_the_same_group_as_no_label()
    {
        Assert.Equal(GroupingKeyParser.Parse("job/j"), GroupingKeyParser.Parse("job/j/first_label@base64/="));
    }

    [Fact]
    public void Bad_base64_in_a_label_value_is_rejected_with_the_position()
    {
        var error = Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job/j/label_name1@base64/foo.bar"));

        Assert.Equal("invalid base64 encoding for label label_name1=\"foo.bar\": illegal base64 data at input byte 3", error.Message);
    }

    [Fact]
    public void Bad_base64_in_the_job_is_rejected()
    {
        var error = Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job@base64/a+b"));

        Assert.StartsWith("invalid base64 encoding in job name \"a+b\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_name_with_an_equals_sign_is_improper()
    {
        var error = Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job/j/a=b/label_value2"));

        Assert.Equal("improper label name \"a=b\"", error.Message);
    }

    [Fact]
    public void A_reserved_label_name_is_improper()
    {
        var error = Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job/j/__label_name2/value"));

        Assert.Equal("improper label name \"__label_name2\"", error.Message);
    }

    [Fact]
    public void An_unencoded_slash_in_a_value_makes_an_odd_number_of_segments()
    {
        var error = Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job/j/label_name2/label/value2"));

        Assert.Equal("odd number of components in label string \"/label_name2/label/value2\"", error.Message);
    }

    [Theory]
    [InlineData("job")]
    [InlineData("job/")]
    [InlineData("job//a/b")]
    [InlineData("job@base64/=")]
    public void A_missing_job_is_rejected(string path)
    {
        Assert.Equal("job name is required", Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse(path)).Message);
    }

    [Fact]
    public void A_trailing_slash_adds_no_label()
    {
        Assert.Equal(GroupingKeyParser.Parse("job/j"), GroupingKeyParser.Parse("job/j/"));
    }

    [Fact]
    public void The_job_segment_wins_over_a_job_label()
    {
        Assert.Equal("first", GroupingKeyParser.Parse("job/first/job/second").Job);
    }

    [Fact]
    public void The_customer_label_cannot_be_set_by_the_url()
    {
        var error = Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job/j/customer/globex"));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base64_value_that_is_not_utf8_is_rejected()
    {
        // 0xFF 0xFE is not UTF-8.
        var error = Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job/j/a@base64/__4"));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_trailing_base64_character_is_rejected()
    {
        Assert.Throws<PushRejectedException>(() => GroupingKeyParser.Parse("job/j/a@base64/QUJDR"));
    }
}
