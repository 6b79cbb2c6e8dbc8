namespace StandbyOps.Metrics;

/// <summary>Combines families from several producers into one exposition: one contiguous family per name, in a fixed order.</summary>
public static class MetricFamilyMerger
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];
    private static readonly string[] SummarySuffixes = ["_sum", "_count"];

    /// <summary>
    /// Merges families of the same name, orders families by name and samples by series (labels, then the order
    /// the producer gave, which keeps buckets, sum and count together), and drops families without samples.
    /// </summary>
    /// <exception cref="MetricsConflictException">
    /// A name has two types; a series occurs twice; or a family is named like a histogram's or summary's own
    /// samples (<c>x_count</c> beside histogram <c>x</c>), which a scraper would read as part of <c>x</c>.
    /// </exception>
    public static IReadOnlyList<MetricFamily> Merge(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var byName = new Dictionary<string, List<MetricFamily>>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            ArgumentNullException.ThrowIfNull(family, nameof(families));
            if (!byName.TryGetValue(family.Name, out var group))
            {
                byName[family.Name] = group = [];
            }

            group.Add(family);
        }

        var merged = new List<MetricFamily>(byName.Count);
        foreach (var group in byName.Values)
        {
            var family = MergeGroup(group);
            if (family.Samples.Count > 0)
            {
                merged.Add(family);
            }
        }

        EnsureNoSampleNameClashes(merged);
        merged.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return merged;
    }

    private static MetricFamily MergeGroup(List<MetricFamily> group)
    {
        var first = group[0];
        string? help = null;
        var samples = new List<MetricSample>();
        foreach (var family in group)
        {
            if (family.Type != first.Type)
            {
                throw new MetricsConflictException(
                    first.Name,
                    $"metric family '{first.Name}' is exposed as {TypeName(first.Type)} and as {TypeName(family.Type)}.");
            }

            help ??= family.Help;
            samples.AddRange(family.Samples);
        }

        EnsureUniqueSeries(first.Name, samples);
        return new MetricFamily(first.Name, help, first.Type, SortBySeries(first.Type, samples));
    }

    private static void EnsureUniqueSeries(string familyName, List<MetricSample> samples)
    {
        var seen = new HashSet<(string, LabelSet)>(samples.Count);
        foreach (var sample in samples)
        {
            if (!seen.Add((sample.Name, sample.Labels)))
            {
                throw new MetricsConflictException(familyName, $"series {sample.Name}{sample.Labels} is exposed more than once.");
            }
        }
    }

    private static MetricSample[] SortBySeries(MetricType type, List<MetricSample> samples)
    {
        // Histogram and summary samples of one series stay in the producer's order (buckets, sum, count);
        // everything else orders by sample name, then labels.
        var perSeriesLabel = type switch
        {
            MetricType.Histogram => MetricNames.BucketLabel,
            MetricType.Summary => MetricNames.QuantileLabel,
            _ => null,
        };
        var keys = new (LabelSet Series, string Name, int Index)[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            keys[i] = perSeriesLabel is null
                ? (sample.Labels, sample.Name, i)
                : (sample.Labels.Without(perSeriesLabel), string.Empty, i);
        }

        Array.Sort(keys, static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            if (byName != 0)
            {
                return byName;
            }

            var bySeries = a.Series.CompareTo(b.Series);
            return bySeries != 0 ? bySeries : a.Index.CompareTo(b.Index);
        });

        var sorted = new MetricSample[samples.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = samples[keys[i].Index];
        }

        return sorted;
    }

    private static void EnsureNoSampleNameClashes(List<MetricFamily> families)
    {
        var names = new HashSet<string>(families.Count, StringComparer.Ordinal);
        foreach (var family in families)
        {
            names.Add(family.Name);
        }

        foreach (var family in families)
        {
            var suffixes = family.Type switch
            {
                MetricType.Histogram => HistogramSuffixes,
                MetricType.Summary => SummarySuffixes,
                _ => [],
            };
            foreach (var suffix in suffixes)
            {
                if (names.Contains(family.Name + suffix))
                {
                    throw new MetricsConflictException(
                        family.Name,
                        $"metric family '{family.Name}{suffix}' clashes with the samples of {TypeName(family.Type)} '{family.Name}'.");
                }
            }
        }
    }

    private static string TypeName(MetricType type) => TextFormat.MetricTypeNames.Of(type);
}
