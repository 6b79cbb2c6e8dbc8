using NodaTime;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Push;

namespace StandbyOps.Monitoring.Tests.Push;

public sealed class PushRuleEvaluatorTests
{
    private static readonly Instant T0 = PushFixtures.Start;
    private static readonly GroupingKey HostA = GroupingKey.Of(("job", "node"), ("instance", "a"));
    private static readonly IReadOnlyList<PushRule> AcmeRules = PushRule.ByCustomer(PushFixtures.Config)["acme"];
    private static readonly PushRule DiskFree = AcmeRules.Single(r => r.Id == "disk-free");
    private static readonly PushRule LoadHigh = AcmeRules.Single(r => r.Id == "load-high");
    private static readonly PushRule NodeSilent = AcmeRules.Single(r => r.Id == "node-silent");

    [Fact]
    public void A_value_below_the_threshold_is_pending_until_it_has_held_for_the_duration()
    {
        var groups = new[] { Group(HostA, "node_filesystem_avail_bytes{mountpoint=\"/\"} 5e8\n", T0) };

        var first = PushRuleEvaluator.Evaluate(DiskFree, groups, null, T0);
        var early = PushRuleEvaluator.Evaluate(DiskFree, groups, first.State, T0 + Duration.FromMinutes(4));
        var late = PushRuleEvaluator.Evaluate(DiskFree, groups, early.State, T0 + Duration.FromMinutes(5));

        Assert.Equal(T0, first.State.ThresholdSince);
        Assert.False(first.HasSignal);
        Assert.False(early.HasSignal);
        Assert.NotNull(late.Failure);
        Assert.True(late.State.Firing);
    }

    [Fact]
    public void The_failure_carries_the_system_rule_dedup_key_priority_and_the_offending_series()
    {
        var groups = new[] { Group(HostA, "node_filesystem_avail_bytes{mountpoint=\"/\"} 5e8\n", T0) };
        var pending = PushRuleEvaluator.Evaluate(DiskFree, groups, null, T0).State;

        var failure = PushRuleEvaluator.Evaluate(DiskFree, groups, pending, T0 + Duration.FromMinutes(5)).Failure!;

        Assert.Equal(("acme", "webshop", SignalSource.Push, "webshop/disk-free", Priority.P2), (failure.Customer, failure.System, failure.Source, failure.DedupKey, failure.Priority));
        Assert.Equal("disk-free: node_filesystem_avail_bytes below 1e+09 for 5m", failure.Title);
        Assert.Contains("instance=\"a\"", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(T0 + Duration.FromMinutes(5), failure.At);
    }

    [Fact]
    public void A_rule_without_priority_takes_the_system_criticality()
    {
        var groups = new[] { Group(HostA, "node_load1 12\n", T0) };

        var failure = PushRuleEvaluator.Evaluate(LoadHigh, groups, null, T0).Failure!;

        Assert.Equal(Priority.P2, failure.Priority);
    }

    [Fact]
    public void A_threshold_without_for_fails_at_once_and_recovers_when_the_value_comes_back()
    {
        var failing = PushRuleEvaluator.Evaluate(LoadHigh, [Group(HostA, "node_load1 12\n", T0)], null, T0);

        var recovered = PushRuleEvaluator.Evaluate(LoadHigh, [Group(HostA, "node_load1 3\n", T0)], failing.State, T0 + Duration.FromMinutes(1));

        Assert.NotNull(failing.Failure);
        Assert.Equal("webshop/load-high", recovered.Recovery!.DedupKey);
        Assert.False(recovered.State.Firing);
        Assert.Null(recovered.State.ThresholdSince);
    }

    [Fact]
    public void Dipping_back_before_the_duration_resets_the_pending_time()
    {
        var low = new[] { Group(HostA, "node_filesystem_avail_bytes{mountpoint=\"/\"} 5e8\n", T0) };
        var fine = new[] { Group(HostA, "node_filesystem_avail_bytes{mountpoint=\"/\"} 5e9\n", T0) };
        var pending = PushRuleEvaluator.Evaluate(DiskFree, low, null, T0).State;
        var cleared = PushRuleEvaluator.Evaluate(DiskFree, fine, pending, T0 + Duration.FromMinutes(3)).State;

        var again = PushRuleEvaluator.Evaluate(DiskFree, low, cleared, T0 + Duration.FromMinutes(6));

        Assert.False(again.HasSignal);
        Assert.Equal(T0 + Duration.FromMinutes(6), again.State.ThresholdSince);
    }

    [Theory]
    [InlineData("node_filesystem_avail_bytes{mountpoint=\"/boot\"} 5e8\n")]
    [InlineData("node_filesystem_avail_bytes{mountpoint=\"/\"} NaN\n")]
    [InlineData("node_filesystem_avail_bytes{mountpoint=\"/\"} 1e9\n")]
    [InlineData("other_metric{mountpoint=\"/\"} 5e8\n")]
    public void Series_that_do_not_match_or_do_not_cross_never_fail(string body)
    {
        var outcome = PushRuleEvaluator.Evaluate(DiskFree, [Group(HostA, body, T0)], null, T0 + Duration.FromHours(1));

        Assert.Null(outcome.State.ThresholdSince);
    }

    [Fact]
    public void Groups_of_another_job_are_not_seen()
    {
        var outcome = PushRuleEvaluator.Evaluate(LoadHigh, [Group(GroupingKey.Of(("job", "batch")), "node_load1 50\n", T0)], null, T0);

        Assert.False(outcome.HasSignal);
    }

    [Fact]
    public void Groups_of_another_customer_are_not_seen()
    {
        var others = new[] { Group(HostA, "node_load1 50\n", T0) with { Customer = "globex" } };

        Assert.False(PushRuleEvaluator.Evaluate(LoadHigh, others, null, T0).HasSignal);
    }

    [Fact]
    public void A_group_not_pushed_for_absent_for_fails()
    {
        var groups = new[] { Group(HostA, "up 1\n", T0) };

        var before = PushRuleEvaluator.Evaluate(NodeSilent, groups, null, T0 + Duration.FromMinutes(9));
        var after = PushRuleEvaluator.Evaluate(NodeSilent, groups, before.State, T0 + Duration.FromMinutes(10));

        Assert.False(before.HasSignal);
        Assert.Contains("last pushed at 2026-11-20T14:00:00Z", after.Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("node-silent: job 'node' not pushed for 10m", after.Failure.Title);
    }

    [Fact]
    public void A_push_after_the_silence_recovers()
    {
        var silent = PushRuleEvaluator.Evaluate(NodeSilent, [Group(HostA, "up 1\n", T0)], null, T0 + Duration.FromMinutes(10));

        var pushedAgain = PushRuleEvaluator.Evaluate(NodeSilent, [Group(HostA, "up 1\n", T0 + Duration.FromMinutes(11))], silent.State, T0 + Duration.FromMinutes(11));

        Assert.NotNull(pushedAgain.Recovery);
    }

    [Fact]
    public void A_job_that_has_no_group_at_all_fails_after_absent_for()
    {
        var first = PushRuleEvaluator.Evaluate(NodeSilent, [], null, T0);

        var later = PushRuleEvaluator.Evaluate(NodeSilent, [], first.State, T0 + Duration.FromMinutes(10));

        Assert.Equal(T0, first.State.MissingSince);
        Assert.False(first.HasSignal);
        Assert.Contains("no group of job 'node'", later.Failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_steady_verdict_yields_no_signal()
    {
        var failing = PushRuleEvaluator.Evaluate(LoadHigh, [Group(HostA, "node_load1 12\n", T0)], null, T0);

        var still = PushRuleEvaluator.Evaluate(LoadHigh, [Group(HostA, "node_load1 13\n", T0)], failing.State, T0 + Duration.FromMinutes(1));

        Assert.False(still.HasSignal);
        Assert.True(still.State.Firing);
    }

    private static PushGroup Group(GroupingKey key, string body, Instant pushedAt) =>
        new("acme", key, PushBody.Parse(body, key, "acme"), pushedAt, null, T0);
}
