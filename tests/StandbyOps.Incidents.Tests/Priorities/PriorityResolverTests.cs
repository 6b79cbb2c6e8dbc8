using StandbyOps.Configuration.Systems;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Priorities;

namespace StandbyOps.Incidents.Tests.Priorities;

public sealed class PriorityResolverTests
{
    [Theory]
    [InlineData(Criticality.Critical, Priority.P1)]
    [InlineData(Criticality.High, Priority.P2)]
    [InlineData(Criticality.Medium, Priority.P3)]
    [InlineData(Criticality.Low, Priority.P4)]
    public void A_rule_without_its_own_priority_inherits_the_systems_criticality(Criticality criticality, Priority expected) =>
        Assert.Equal(expected, PriorityResolver.ForRule(null, criticality));

    [Fact]
    public void A_rules_own_priority_wins_over_the_systems_criticality() =>
        Assert.Equal(Priority.P4, PriorityResolver.ForRule(Priority.P4, Criticality.Critical));

    [Theory]
    [InlineData("P1", "info", Priority.P1)]
    [InlineData("p2", null, Priority.P2)]
    [InlineData(" P4 ", "critical", Priority.P4)]
    [InlineData("urgent", "critical", Priority.P1)]
    [InlineData(null, "critical", Priority.P1)]
    [InlineData(null, "error", Priority.P2)]
    [InlineData(null, "high", Priority.P2)]
    [InlineData(null, "warning", Priority.P3)]
    [InlineData(null, "info", Priority.P4)]
    [InlineData(null, "Critical", Priority.P1)]
    [InlineData(null, "page", Priority.P3)]
    [InlineData(null, null, Priority.P3)]
    public void An_alert_takes_its_priority_label_or_maps_its_severity(string? priority, string? severity, Priority expected)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "HighLatency" };
        if (priority is not null)
        {
            labels["priority"] = priority;
        }

        if (severity is not null)
        {
            labels["severity"] = severity;
        }

        Assert.Equal(expected, PriorityResolver.ForAlert(labels));
    }
}
