namespace StandbyOps.Metrics.Tests;

public class MetricFamilyTests
{
    [Fact]
    public void Label_overrides_replace_body_labels_on_every_sample()
    {
        var pushed = new MetricFamily("backup_last_success_timestamp_seconds", null, MetricType.Gauge,
        [
            new MetricSample("backup_last_success_timestamp_seconds", LabelSet.Of(("job", "body"), ("disk", "a")), 1),
            new MetricSample("backup_last_success_timestamp_seconds", LabelSet.Of(("disk", "b")), 2),
        ]);

        var grouped = pushed.WithLabelOverrides(LabelSet.Of(("job", "backup"), ("instance", "db1")));

        Assert.Equal(
            [LabelSet.Of(("job", "backup"), ("instance", "db1"), ("disk", "a")), LabelSet.Of(("job", "backup"), ("instance", "db1"), ("disk", "b"))],
            grouped.Samples.Select(s => s.Labels));
    }

    [Fact]
    public void Families_with_equal_content_are_equal()
    {
        MetricFamily Make() => new("x", "Help.", MetricType.Gauge, [new MetricSample("x", LabelSet.Of(("a", "1")), double.NaN)]);

        Assert.Equal(Make(), Make());
    }

    [Fact]
    public void Empty_help_means_no_help()
    {
        Assert.Null(new MetricFamily("x", "", MetricType.Gauge, []).Help);
    }

    [Fact]
    public void Invalid_family_name_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new MetricFamily("not valid", null, MetricType.Gauge, []));
    }
}
