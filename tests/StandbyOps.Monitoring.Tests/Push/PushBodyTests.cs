using StandbyOps.Metrics;
using StandbyOps.Monitoring.Push;

namespace StandbyOps.Monitoring.Tests.Push;

public sealed class PushBodyTests
{
    private static readonly GroupingKey Key = GroupingKey.Of(("job", "node"), ("instance", "host-1"));

    [Fact]
    public void Grouping_labels_and_the_customer_are_added_to_every_series()
    {
        var families = PushBody.Parse("# TYPE up gauge\nup{zone=\"eu\"} 1\n", Key, "acme");

        Assert.Equal("up{customer=\"acme\",instance=\"host-1\",job=\"node\",zone=\"eu\"} 1", Assert.Single(Assert.Single(families).Samples).ToString());
    }

    [Fact]
    public void Url_labels_override_the_same_labels_in_the_body()
    {
        var families = PushBody.Parse("up{job=\"other\",instance=\"x\",customer=\"globex\"} 1\n", Key, "acme");

        Assert.Equal(LabelSet.Of(("customer", "acme"), ("instance", "host-1"), ("job", "node")), Assert.Single(Assert.Single(families).Samples).Labels);
    }

    [Fact]
    public void An_empty_grouping_label_removes_the_body_label()
    {
        var families = PushBody.Parse("up{instance=\"x\"} 1\n", GroupingKey.Of(("job", "batch")), "acme");

        Assert.Null(Assert.Single(Assert.Single(families).Samples).Labels.Get("instance"));
    }

    [Fact]
    public void Samples_with_timestamps_are_rejected()
    {
        var error = Assert.Throws<PushRejectedException>(() => PushBody.Parse("up 1 1700000000000\n", Key, "acme"));

        Assert.StartsWith("pushed metrics must not have timestamps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_body_is_rejected_with_line_and_column()
    {
        var error = Assert.Throws<PushRejectedException>(() => PushBody.Parse("up 1\nblablabla\n", Key, "acme"));

        Assert.Contains("line 2, column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_with_crlf_line_ends_is_rejected()
    {
        Assert.Throws<PushRejectedException>(() => PushBody.Parse("up 1\r\n", Key, "acme"));
    }

    [Fact]
    public void A_body_without_a_final_newline_is_rejected()
    {
        Assert.Throws<PushRejectedException>(() => PushBody.Parse("up 1", Key, "acme"));
    }

    [Fact]
    public void StandbyOps_own_metric_names_cannot_be_pushed()
    {
        var error = Assert.Throws<PushRejectedException>(() => PushBody.Parse("standbyops_actors 3\n", Key, "acme"));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pushed_push_time_families_are_dropped_for_the_group_own()
    {
        var families = PushBody.Parse("push_time_seconds 5\nup 1\n", Key, "acme");

        Assert.Equal(["up"], families.Select(f => f.Name));
    }

    [Fact]
    public void Series_that_become_equal_under_the_grouping_labels_are_rejected()
    {
        var error = Assert.Throws<PushRejectedException>(() => PushBody.Parse("up{instance=\"a\"} 1\nup{instance=\"b\"} 1\n", Key, "acme"));

        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_body_has_no_families()
    {
        Assert.Empty(PushBody.Parse(string.Empty, Key, "acme"));
    }

    [Fact]
    public void Put_keeps_only_the_pushed_families()
    {
        var existing = Group(PushBody.Parse("a 1\nb 2\n", Key, "acme"));

        var combined = PushBody.Combine(existing, PushBody.Parse("b 3\n", Key, "acme"), PushMethod.Replace);

        Assert.Equal("b 3", Render(combined));
    }

    [Fact]
    public void Post_replaces_only_the_pushed_metric_names()
    {
        var existing = Group(PushBody.Parse("a 1\nb{x=\"1\"} 2\nb{x=\"2\"} 2\n", Key, "acme"));

        var combined = PushBody.Combine(existing, PushBody.Parse("b{x=\"3\"} 3\nc 4\n", Key, "acme"), PushMethod.Merge);

        Assert.Equal("a 1|b{x=\"3\"} 3|c 4", Render(combined));
    }

    private static PushGroup Group(IReadOnlyList<MetricFamily> families) =>
        new("acme", Key, families, PushFixtures.Start, null, PushFixtures.Start);

    /// <summary>Samples as "name{non-group labels} value", joined by '|'.</summary>
    private static string Render(IReadOnlyList<MetricFamily> families) =>
        string.Join('|', families.SelectMany(f => f.Samples).Select(s =>
            new MetricSample(s.Name, s.Labels.Without("customer").Without("instance").Without("job"), s.Value).ToString()));
}
