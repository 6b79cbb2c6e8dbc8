using StandbyOps.Metrics;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// The Pushgateway's consistency check, per customer: a group may only change if the customer's groups can
/// still be exposed together, i.e. one type per metric name, no series in two groups, and no family named like
/// another's histogram or summary samples.
/// </summary>
public static class PushConsistency
{
    private const string Prefix = "pushed metrics are invalid or inconsistent with existing metrics: ";
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];
    private static readonly string[] SummarySuffixes = ["_sum", "_count"];

    /// <summary>Checks the families <paramref name="pushed"/> put into group <paramref name="key"/> against the customer's other groups.</summary>
    /// <param name="others">The customer's groups other than the one being pushed.</param>
    /// <param name="key">The grouping key of the group being pushed.</param>
    /// <param name="content">The group's families after the push.</param>
    /// <param name="pushed">The families the push itself contains (a subset of <paramref name="content"/>).</param>
    /// <exception cref="PushRejectedException">The push would make the customer's groups inconsistent.</exception>
    public static void Check(IEnumerable<PushGroup> others, GroupingKey key, IReadOnlyList<MetricFamily> content, IReadOnlyList<MetricFamily> pushed)
    {
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(pushed);
        if (pushed.Count == 0)
        {
            return;
        }

        var types = new Dictionary<string, MetricType>(StringComparer.Ordinal);
        var pushedNames = new HashSet<string>(pushed.Select(f => f.Name), StringComparer.Ordinal);
        foreach (var group in others)
        {
            var mayShareSeries = MayShareSeries(key, group.Key);
            foreach (var family in group.Families)
            {
                types.TryAdd(family.Name, family.Type);
                if (pushedNames.Contains(family.Name))
                {
                    CheckAgainst(group, family, pushed.First(f => f.Name == family.Name), mayShareSeries);
                }
            }
        }

        foreach (var family in content)
        {
            types.TryAdd(family.Name, family.Type);
        }

        foreach (var family in pushed)
        {
            CheckSampleNames(family, types);
        }
    }

    /// <summary>
    /// Whether a series of group <paramref name="key"/> can equal one of group <paramref name="other"/>. Every series of a
    /// group carries its key's labels (an empty one as absent), so two keys that give one label different values never
    /// share a series; only a label the pushed key does not name at all may come from the body and match.
    /// </summary>
    private static bool MayShareSeries(GroupingKey key, GroupingKey other)
    {
        foreach (var label in other.Pairs)
        {
            if (key.Get(label.Name) is { } value && value != label.Value)
            {
                return false;
            }
        }

        foreach (var label in key.Pairs)
        {
            if (other.Get(label.Name) is { } value && value != label.Value)
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckAgainst(PushGroup other, MetricFamily existing, MetricFamily family, bool mayShareSeries)
    {
        if (existing.Type != family.Type)
        {
            throw new PushRejectedException(
                $"{Prefix}metric {family.Name} is pushed as {TypeName(family.Type)} but is {TypeName(existing.Type)} in group {other.Key}");
        }

        if (!mayShareSeries)
        {
            return;
        }

        var series = new HashSet<(string, LabelSet)>(existing.Samples.Count);
        foreach (var sample in existing.Samples)
        {
            series.Add((sample.Name, sample.Labels));
        }

        foreach (var sample in family.Samples)
        {
            if (series.Contains((sample.Name, sample.Labels)))
            {
                throw new PushRejectedException($"{Prefix}series {sample.Name}{sample.Labels} is already pushed in group {other.Key}");
            }
        }
    }

    private static void CheckSampleNames(MetricFamily family, Dictionary<string, MetricType> types)
    {
        foreach (var suffix in SuffixesOf(family.Type))
        {
            if (types.ContainsKey(family.Name + suffix))
            {
                throw new PushRejectedException(
                    $"{Prefix}metric {family.Name + suffix} clashes with the samples of {TypeName(family.Type)} {family.Name}");
            }
        }

        foreach (var suffix in HistogramSuffixes)
        {
            if (family.Name.EndsWith(suffix, StringComparison.Ordinal)
                && types.TryGetValue(family.Name[..^suffix.Length], out var parentType)
                && SuffixesOf(parentType).Contains(suffix))
            {
                throw new PushRejectedException(
                    $"{Prefix}metric {family.Name} clashes with the samples of {TypeName(parentType)} {family.Name[..^suffix.Length]}");
            }
        }
    }

    private static string[] SuffixesOf(MetricType type) => type switch
    {
        MetricType.Histogram => HistogramSuffixes,
        MetricType.Summary => SummarySuffixes,
        _ => [],
    };

    private static string TypeName(MetricType type) => type.ToString().ToLowerInvariant();
}
