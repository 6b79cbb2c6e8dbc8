using System.Text;
using StandbyOps.Metrics;

namespace StandbyOps.Monitoring.Push;

/// <summary>
/// The labels that name a pushed group, from the push URL: <c>job</c> (required) plus any others, sorted by
/// name, with <c>instance=""</c> added when absent as the Pushgateway does.
/// </summary>
/// <remarks>
/// Two keys are equal when their non-empty labels are equal: a label with an empty value is the same as no
/// label in Prometheus, so <c>/metrics/job/a</c> and <c>/metrics/job/a/instance@base64/=</c> name one group.
/// </remarks>
public sealed class GroupingKey : IEquatable<GroupingKey>
{
    /// <summary>The label every grouping key has.</summary>
    public const string JobLabel = "job";

    /// <summary>The label added with an empty value when the URL does not name it.</summary>
    public const string InstanceLabel = "instance";

    /// <summary>The label StandbyOps sets on exposed series from the pushing token's customer; a key cannot name it.</summary>
    public const string CustomerLabel = "customer";

    /// <summary>Creates a key; <paramref name="labels"/> must name a non-empty job and valid, unreserved, distinct label names other than <c>customer</c>.</summary>
    public GroupingKey(IEnumerable<Label> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var pairs = new List<Label>();
        foreach (var label in labels)
        {
            MetricNames.EnsureValidLabelName(label.Name, nameof(labels));
            ArgumentNullException.ThrowIfNull(label.Value, nameof(labels));
            if (label.Name == CustomerLabel)
            {
                throw new ArgumentException($"label '{CustomerLabel}' is set from the pushing token, not the grouping key.", nameof(labels));
            }

            if (pairs.Exists(p => p.Name == label.Name))
            {
                throw new ArgumentException($"label name '{label.Name}' occurs more than once.", nameof(labels));
            }

            pairs.Add(label);
        }

        if (!pairs.Exists(p => p.Name == InstanceLabel))
        {
            pairs.Add(new Label(InstanceLabel, string.Empty));
        }

        pairs.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        Pairs = pairs;
        Labels = LabelSet.From(pairs);
        Job = Labels.Get(JobLabel) ?? throw new ArgumentException("a grouping key needs a non-empty job label.", nameof(labels));
    }

    /// <summary>The job.</summary>
    public string Job { get; }

    /// <summary>Every label of the key sorted by name, including empty values such as <c>instance=""</c>.</summary>
    public IReadOnlyList<Label> Pairs { get; }

    /// <summary>The non-empty labels: what identifies the group and what exposed series carry.</summary>
    public LabelSet Labels { get; }

    /// <summary>A key from name/value pairs, e.g. <c>GroupingKey.Of(("job", "node"), ("instance", "a"))</c>.</summary>
    public static GroupingKey Of(params ReadOnlySpan<(string Name, string Value)> labels)
    {
        var list = new List<Label>(labels.Length);
        foreach (var (name, value) in labels)
        {
            list.Add(new Label(name, value));
        }

        return new GroupingKey(list);
    }

    /// <summary>The value of <paramref name="name"/>, empty when the key has it empty, or null when it lacks it.</summary>
    public string? Get(string name)
    {
        foreach (var pair in Pairs)
        {
            if (pair.Name == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(GroupingKey? other) => other is not null && Labels.Equals(other.Labels);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GroupingKey);

    /// <inheritdoc/>
    public override int GetHashCode() => Labels.GetHashCode();

    /// <summary>The key as label text with every pair, e.g. <c>{instance="",job="node"}</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("{");
        foreach (var pair in Pairs)
        {
            if (builder.Length > 1)
            {
                builder.Append(',');
            }

            builder.Append(pair.Name).Append("=\"").Append(pair.Value.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
        }

        return builder.Append('}').ToString();
    }
}
