namespace StandbyOps.Metrics.Tests;

public class LabelSetTests
{
    [Fact]
    public void Order_of_construction_does_not_matter_for_equality()
    {
        Assert.Equal(LabelSet.Of(("a", "1"), ("b", "2")), LabelSet.Of(("b", "2"), ("a", "1")));
    }

    [Fact]
    public void Labels_are_kept_sorted_by_name()
    {
        Assert.Equal(["a", "m", "z"], LabelSet.Of(("z", "1"), ("a", "2"), ("m", "3")).Select(l => l.Name));
    }

    [Fact]
    public void Empty_value_is_the_same_as_no_label()
    {
        Assert.Equal(LabelSet.Of(("a", "1")), LabelSet.Of(("a", "1"), ("b", "")));
    }

    [Theory]
    [InlineData("1a")]
    [InlineData("a-b")]
    [InlineData("__reserved")]
    [InlineData("")]
    public void Invalid_or_reserved_names_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => LabelSet.Of((name, "v")));

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LabelSet.Of(("a", "1"), ("a", "2")));
    }

    [Fact]
    public void Overrides_win_over_the_same_labels_and_add_missing_ones()
    {
        var body = LabelSet.Of(("job", "from_body"), ("instance", "host1"), ("disk", "sda"));
        var grouping = LabelSet.Of(("job", "backup"), ("site", "ams"));

        Assert.Equal(
            LabelSet.Of(("job", "backup"), ("instance", "host1"), ("disk", "sda"), ("site", "ams")),
            body.WithOverrides(grouping));
    }

    [Fact]
    public void With_and_without_change_one_label()
    {
        var labels = LabelSet.Of(("a", "1"), ("b", "2"));

        Assert.Equal(LabelSet.Of(("a", "9"), ("b", "2")), labels.With("a", "9"));
        Assert.Equal(LabelSet.Of(("b", "2")), labels.Without("a"));
        Assert.Equal(LabelSet.Of(("b", "2")), labels.With("a", ""));
    }

    [Fact]
    public void Get_returns_the_value_or_null()
    {
        var labels = LabelSet.Of(("a", "1"));

        Assert.Equal("1", labels.Get("a"));
        Assert.Null(labels.Get("b"));
    }

    [Fact]
    public void Comparison_orders_by_first_differing_name_then_value()
    {
        var sorted = new[] { LabelSet.Of(("b", "1")), LabelSet.Of(("a", "2")), LabelSet.Of(("a", "1"), ("c", "1")), LabelSet.Of(("a", "1")), LabelSet.Empty }
            .Order()
            .Select(l => l.ToString());

        Assert.Equal(["", "{a=\"1\"}", "{a=\"1\",c=\"1\"}", "{a=\"2\"}", "{b=\"1\"}"], sorted);
    }

    [Fact]
    public void To_string_uses_text_format_escaping()
    {
        Assert.Equal("{a=\"x\\\"y\\\\z\\n\"}", LabelSet.Of(("a", "x\"y\\z\n")).ToString());
    }
}
