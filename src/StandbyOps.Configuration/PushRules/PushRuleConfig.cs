using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.PushRules;

/// <summary>Which side of the threshold fails.</summary>
public enum ThresholdDirection
{
    Below,
    Above,
}

/// <summary>A threshold on a pushed metric: fails when the value is below (or above) <see cref="Value"/>.</summary>
public sealed record PushThreshold(ThresholdDirection Direction, double Value);

/// <summary>
/// A condition on metrics pushed for <see cref="Job"/>: the series of <see cref="Metric"/> whose
/// labels include <see cref="Labels"/> crosses <see cref="Threshold"/> for <see cref="For"/> (default
/// 0s), and/or the group is not pushed for <see cref="AbsentFor"/>. At least one of the two conditions
/// is set; a threshold needs a metric.
/// </summary>
public sealed record PushRuleConfig(
    string Id,
    string Job,
    string? Metric,
    IReadOnlyDictionary<string, string> Labels,
    PushThreshold? Threshold,
    Duration For,
    Duration? AbsentFor,
    Priority Priority);
