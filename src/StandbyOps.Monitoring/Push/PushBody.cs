using StandbyOps.Metrics;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// Turns a pushed text-format body into the families a group exposes: parsed strictly, without timestamps,
/// with the grouping labels and <c>customer</c> replacing the same labels in the body, as the Pushgateway does.
/// </summary>
public static class PushBody
{
    /// <summary>Family names StandbyOps exposes itself; a push cannot use them.</summary>
    public const string ReservedPrefix = "standbyops_";

    /// <summary>The gauge of each group's last successful push, in Unix seconds.</summary>
    public const string PushTimeMetric = "push_time_seconds";

    /// <summary>The gauge of each group's last failed push, in Unix seconds (0 when none failed).</summary>
    public const string PushFailureTimeMetric = "push_failure_time_seconds";

    /// <summary>Parses <paramref name="body"/> and applies the group's labels; the result is sorted by family name.</summary>
    /// <exception cref="PushRejectedException">
    /// The body is not valid text format 0.0.4, a sample has a timestamp, a family uses a reserved name, or two series
    /// become one once the grouping labels replace the body's.
    /// </exception>
    /// <remarks>
    /// Families named <c>push_time_seconds</c> or <c>push_failure_time_seconds</c> are dropped: the group's own
    /// values replace them, as in the Pushgateway.
    /// </remarks>
    public static IReadOnlyList<MetricFamily> Parse(string body, GroupingKey key, string customer)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(customer);
        IReadOnlyList<MetricFamily> parsed;
        try
        {
            parsed = TextFormatParser.Parse(body);
        }
        catch (TextFormatException e)
        {
            throw new PushRejectedException($"text format parsing error: {e.Message}", e);
        }

        var overrides = key.Labels.With(GroupingKey.CustomerLabel, customer);
        var cleared = key.Pairs.Where(p => p.Value.Length == 0).Select(p => p.Name).ToArray();
        var result = new List<MetricFamily>(parsed.Count);
        foreach (var family in parsed)
        {
            if (family.Name is PushTimeMetric or PushFailureTimeMetric)
            {
                continue;
            }

            if (family.Name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            {
                throw new PushRejectedException(
                    $"metric name '{family.Name}' is reserved: names starting with '{ReservedPrefix}' are StandbyOps' own metrics");
            }

            result.Add(Relabel(family, overrides, cleared));
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    /// <summary>
    /// The group's families after a push of <paramref name="pushed"/>: PUT keeps only the pushed families; POST
    /// keeps the existing families whose names the push does not contain. Sorted by family name.
    /// </summary>
    public static IReadOnlyList<MetricFamily> Combine(PushGroup? existing, IReadOnlyList<MetricFamily> pushed, PushMethod method)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        if (method == PushMethod.Replace || existing is null || existing.Families.Count == 0)
        {
            return pushed;
        }

        var names = new HashSet<string>(pushed.Select(f => f.Name), StringComparer.Ordinal);
        var combined = new List<MetricFamily>(existing.Families.Count + pushed.Count);
        combined.AddRange(existing.Families.Where(f => !names.Contains(f.Name)));
        combined.AddRange(pushed);
        combined.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return combined;
    }

    private static MetricFamily Relabel(MetricFamily family, LabelSet overrides, string[] cleared)
    {
        var samples = new MetricSample[family.Samples.Count];
        var touched = false;
        for (var i = 0; i < samples.Length; i++)
        {
            var sample = family.Samples[i];
            if (sample.TimestampMs is not null)
            {
                throw new PushRejectedException($"pushed metrics must not have timestamps: {sample.Name}{sample.Labels} has one");
            }

            var labels = sample.Labels;
            touched |= Overlaps(labels, overrides, cleared);
            labels = labels.WithOverrides(overrides);
            foreach (var name in cleared)
            {
                labels = labels.Without(name);
            }

            samples[i] = sample with { Labels = labels };
        }

        // Adding the same labels to distinct series keeps them distinct; only replacing a body label can merge two.
        if (touched)
        {
            var seen = new HashSet<(string, LabelSet)>(samples.Length);
            foreach (var sample in samples)
            {
                if (!seen.Add((sample.Name, sample.Labels)))
                {
                    throw new PushRejectedException(
                        $"pushed metrics are invalid: series {sample.Name}{sample.Labels} occurs more than once once the grouping labels replace the body's labels");
                }
            }
        }

        return new MetricFamily(family.Name, family.Help, family.Type, samples);
    }

    private static bool Overlaps(LabelSet labels, LabelSet overrides, string[] cleared)
    {
        foreach (var label in labels)
        {
            if (overrides.Get(label.Name) is not null || Array.IndexOf(cleared, label.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
