using System.Collections;
using System.Text;

namespace StandbyOps.Metrics;

/// <summary>An immutable set of labels, kept sorted by name, in which an empty value is the same as no label.</summary>
/// <remarks>
/// Sorting on construction makes equality, hashing and ordering independent of the order the labels
/// were written in, which is what "each name+labelset must be unique" means in the exposition format.
/// </remarks>
public sealed class LabelSet : IReadOnlyList<Label>, IEquatable<LabelSet>, IComparable<LabelSet>
{
    private readonly Label[] _labels;
    private int _hash;

    private LabelSet(Label[] sortedLabels) => _labels = sortedLabels;

    /// <summary>The set without labels.</summary>
    public static LabelSet Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _labels.Length;

    /// <inheritdoc/>
    public Label this[int index] => _labels[index];

    /// <summary>Builds a set from pairs, dropping empty values; names must be valid and unreserved and occur once.</summary>
    public static LabelSet Of(params ReadOnlySpan<(string Name, string Value)> labels)
    {
        var list = new List<Label>(labels.Length);
        foreach (var (name, value) in labels)
        {
            list.Add(new Label(name, value));
        }

        return From(list);
    }

    /// <summary>Builds a set from labels, dropping empty values; names must be valid and unreserved and occur once.</summary>
    public static LabelSet From(IEnumerable<Label> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var list = new List<Label>();
        foreach (var label in labels)
        {
            MetricNames.EnsureValidLabelName(label.Name, nameof(labels));
            ArgumentNullException.ThrowIfNull(label.Value, nameof(labels));
            foreach (var seen in list)
            {
                if (seen.Name == label.Name)
                {
                    throw new ArgumentException($"label name '{label.Name}' occurs more than once.", nameof(labels));
                }
            }

            list.Add(label);
        }

        list.RemoveAll(l => l.Value.Length == 0);
        return list.Count == 0 ? Empty : FromUnsorted([.. list]);
    }

    /// <summary>The value of label <paramref name="name"/>, or null when the set has no such label.</summary>
    public string? Get(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? null : _labels[index].Value;
    }

    /// <summary>This set with label <paramref name="name"/> set to <paramref name="value"/> (removed when empty).</summary>
    public LabelSet With(string name, string value)
    {
        MetricNames.EnsureValidLabelName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return Without(name);
        }

        var index = IndexOf(name);
        if (index >= 0)
        {
            var copy = (Label[])_labels.Clone();
            copy[index] = new Label(name, value);
            return new LabelSet(copy);
        }

        return FromUnsorted([.. _labels, new Label(name, value)]);
    }

    /// <summary>This set without label <paramref name="name"/>.</summary>
    public LabelSet Without(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return this;
        }

        if (_labels.Length == 1)
        {
            return Empty;
        }

        var copy = new Label[_labels.Length - 1];
        Array.Copy(_labels, 0, copy, 0, index);
        Array.Copy(_labels, index + 1, copy, index, copy.Length - index);
        return new LabelSet(copy);
    }

    /// <summary>This set with every label of <paramref name="overrides"/> replacing or adding to its own.</summary>
    /// <remarks>Pushgateway semantics: the grouping labels from the URL win over the same labels in the body.</remarks>
    public LabelSet WithOverrides(LabelSet overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return this;
        }

        var merged = new List<Label>(_labels.Length + overrides.Count);
        merged.AddRange(overrides._labels);
        foreach (var label in _labels)
        {
            if (overrides.IndexOf(label.Name) < 0)
            {
                merged.Add(label);
            }
        }

        return FromUnsorted([.. merged]);
    }

    /// <inheritdoc/>
    public IEnumerator<Label> GetEnumerator() => ((IEnumerable<Label>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(LabelSet? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null && GetHashCode() == other.GetHashCode() && _labels.AsSpan().SequenceEqual(other._labels);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var label in _labels)
            {
                hash.Add(label.Name, StringComparer.Ordinal);
                hash.Add(label.Value, StringComparer.Ordinal);
            }

            var computed = hash.ToHashCode();
            _hash = computed == 0 ? 1 : computed;
        }

        return _hash;
    }

    /// <summary>Orders by the first differing label name, then its value (ordinal); a prefix sorts first.</summary>
    public int CompareTo(LabelSet? other)
    {
        if (other is null)
        {
            return 1;
        }

        var common = Math.Min(_labels.Length, other._labels.Length);
        for (var i = 0; i < common; i++)
        {
            var byName = string.CompareOrdinal(_labels[i].Name, other._labels[i].Name);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = string.CompareOrdinal(_labels[i].Value, other._labels[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return _labels.Length.CompareTo(other._labels.Length);
    }

    /// <summary>The labels as written in the text format, e.g. <c>{code="200",method="get"}</c>, or empty.</summary>
    public override string ToString()
    {
        if (_labels.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("{");
        foreach (var label in _labels)
        {
            if (builder.Length > 1)
            {
                builder.Append(',');
            }

            builder.Append(label.Name).Append("=\"");
            TextFormat.TextFormatWriter.AppendEscapedLabelValue(builder, label.Value);
            builder.Append('"');
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Wraps labels the caller has validated and de-duplicated, without empty values.</summary>
    internal static LabelSet FromUnsorted(Label[] labels)
    {
        if (labels.Length == 0)
        {
            return Empty;
        }

        // Label sets are small, and insertion sort keeps the common already-sorted input linear.
        for (var i = 1; i < labels.Length; i++)
        {
            var current = labels[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(labels[j].Name, current.Name) > 0)
            {
                labels[j + 1] = labels[j];
                j--;
            }

            labels[j + 1] = current;
        }

        return new LabelSet(labels);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _labels.Length; i++)
        {
            if (string.Equals(_labels[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
