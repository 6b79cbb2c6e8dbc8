using NodaTime;
using StandbyOps.Configuration.PushRules;

namespace StandbyOps.Configuration.Tests.PushRules;

public sealed class PushRuleSectionTests
{
    [Fact]
    public void Below_and_above_together_are_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      disk:
                        job: node
                        metric: node_filesystem_avail_bytes
                        below: 1e9
                        above: 1e12
            """);

        result.SingleError().AssertAt(16, ["both 'below' and 'above'"], ["second rule"]);
    }

    [Fact]
    public void A_threshold_without_a_metric_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      disk: { job: node, below: 1e9 }
            """);

        result.SingleError().AssertAt(12, ["threshold but no metric"], ["metric:"]);
    }

    [Fact]
    public void A_rule_with_neither_threshold_nor_absence_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      disk: { job: node, metric: node_load1 }
            """);

        result.SingleError().AssertAt(12, ["push rule 'disk' checks nothing"], ["below: or above:"]);
    }

    [Fact]
    public void An_absence_rule_needs_no_metric()
    {
        var rule = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      silent: { job: node, absentFor: 10m }
            """).Valid().Customers["acme"].Systems["web"].PushRules["silent"];

        Assert.Equal((Duration.FromMinutes(10), Duration.Zero, (PushThreshold?)null), (rule.AbsentFor, rule.For, rule.Threshold));
    }

    [Fact]
    public void An_above_threshold_is_read_as_a_number()
    {
        var rule = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      load: { job: node, metric: node_load1, labels: { instance: web1 }, above: 4.5, for: 2m }
            """).Valid().Customers["acme"].Systems["web"].PushRules["load"];

        Assert.Equal(new PushThreshold(ThresholdDirection.Above, 4.5), rule.Threshold);
        Assert.Equal("web1", rule.Labels["instance"]);
    }

    [Fact]
    public void A_bad_threshold_number_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      disk: { job: node, metric: node_filesystem_avail_bytes, below: 1GB }
            """);

        result.SingleError().AssertAt(12, ["invalid below '1GB'"], ["1e9"]);
    }

    [Fact]
    public void A_job_label_is_an_error_pointing_to_the_job_key()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      disk:
                        job: node
                        absentFor: 10m
                        labels: { job: other }
            """);

        result.SingleError().AssertAt(15, ["'job'", "repeats the rule's job"], ["job:"]);
    }

    [Fact]
    public void A_bad_metric_name_is_an_error()
    {
        var result = Loading.Load(Loading.PreambleWithSystem + """
                    pushRules:
                      disk: { job: node, metric: node-load, above: 4 }
            """);

        result.SingleError().AssertAt(12, ["invalid metric 'node-load'", "Prometheus metric name"], ["letters, digits"]);
    }
}
