using NodaTime;
using StandbyOps.Metrics;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// One pushed group: the metrics last pushed under <see cref="Key"/> by a token of <see cref="Customer"/>,
/// with the grouping labels and <c>customer</c> already applied to every series, families sorted by name.
/// </summary>
/// <param name="Customer">The pushing token's customer; only its push rules see the group.</param>
/// <param name="Key">The grouping key from the URL.</param>
/// <param name="Families">What is exposed, excluding <c>push_time_seconds</c> and <c>push_failure_time_seconds</c>.</param>
/// <param name="PushedAt">The last successful PUT or POST (<c>push_time_seconds</c>).</param>
/// <param name="FailedAt">The last push rejected as inconsistent (<c>push_failure_time_seconds</c>), or null.</param>
/// <param name="CreatedAt">The first successful push; breaks ties between customers that push one name with two types.</param>
public sealed record PushGroup(
    string Customer,
    GroupingKey Key,
    IReadOnlyList<MetricFamily> Families,
    Instant PushedAt,
    Instant? FailedAt,
    Instant CreatedAt)
{
    /// <summary>The group's family named <paramref name="name"/>, or null.</summary>
    public MetricFamily? Family(string name)
    {
        foreach (var family in Families)
        {
            if (family.Name == name)
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>The labels of the group's own series (<c>push_time_seconds</c>): the key plus the customer.</summary>
    public LabelSet SeriesLabels => Key.Labels.With(GroupingKey.CustomerLabel, Customer);
}
