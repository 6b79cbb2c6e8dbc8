using StandbyOps.Metrics;
using StandbyOps.Monitoring.Push;

namespace StandbyOps.Monitoring.Tests.Push;

public sealed class PushConsistencyTests
{
    private static readonly GroupingKey HostA = GroupingKey.Of(("job", "node"), ("instance", "a"));
    private static readonly GroupingKey HostB = GroupingKey.Of(("job", "node"), ("instance", "b"));

    [Fact]
    public void A_name_pushed_with_another_type_than_in_a_sibling_group_is_rejected()
    {
        var other = Group(HostA, "# TYPE jobs_total counter\njobs_total 1\n");
        var pushed = PushBody.Parse("# TYPE jobs_total gauge\njobs_total 1\n", HostB, "acme");

        var error = Assert.Throws<PushRejectedException>(() => PushConsistency.Check([other], HostB, pushed, pushed));

        Assert.Contains("pushed as gauge but is counter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_and_type_in_two_groups_is_fine()
    {
        var other = Group(HostA, "# TYPE up gauge\nup 1\n");
        var pushed = PushBody.Parse("# TYPE up gauge\nup 0\n", HostB, "acme");

        PushConsistency.Check([other], HostB, pushed, pushed);
    }

    [Fact]
    public void A_series_already_pushed_by_another_group_is_rejected()
    {
        // Group {job=node,instance=a} pushes up{zone="x"}, which is exactly group {job=node,instance=a,zone=x}'s up.
        var other = Group(GroupingKey.Of(("job", "node"), ("instance", "a"), ("zone", "x")), "up 1\n");
        var pushed = PushBody.Parse("up{zone=\"x\"} 1\n", HostA, "acme");

        var error = Assert.Throws<PushRejectedException>(() => PushConsistency.Check([other], HostA, pushed, pushed));

        Assert.Contains("already pushed in group", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gauge_named_like_a_sibling_histogram_count_is_rejected()
    {
        var other = Group(HostA, "# TYPE d histogram\nd_bucket{le=\"+Inf\"} 1\nd_sum 1\nd_count 1\n");
        var pushed = PushBody.Parse("# TYPE d_count gauge\nd_count 1\n", HostB, "acme");

        var error = Assert.Throws<PushRejectedException>(() => PushConsistency.Check([other], HostB, pushed, pushed));

        Assert.Contains("clashes with the samples of histogram d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_histogram_whose_samples_clash_with_a_sibling_family_is_rejected()
    {
        var other = Group(HostA, "d_sum 1\n");
        var pushed = PushBody.Parse("# TYPE d summary\nd_sum 1\nd_count 1\n", HostB, "acme");

        Assert.Throws<PushRejectedException>(() => PushConsistency.Check([other], HostB, pushed, pushed));
    }

    [Fact]
    public void Groups_whose_keys_differ_in_a_shared_label_never_share_a_series()
    {
        // Same body, different instance: every series differs by instance, so nothing is a duplicate.
        var other = Group(HostA, "up{zone=\"x\"} 1\n");
        var pushed = PushBody.Parse("up{zone=\"x\"} 1\n", HostB, "acme");

        PushConsistency.Check([other], HostB, pushed, pushed);
    }

    private static PushGroup Group(GroupingKey key, string body) =>
        new("acme", key, PushBody.Parse(body, key, "acme"), PushFixtures.Start, null, PushFixtures.Start);
}
