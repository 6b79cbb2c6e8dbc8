namespace StandbyOps.Metrics.Instruments;

/// <summary>The label values that pick one series of a metric, compared by value.</summary>
internal readonly struct LabelValues : IEquatable<LabelValues>
{
    private readonly string[] _values;
    private readonly int _hash;

    public LabelValues(string[] values)
    {
        _values = values;
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    public bool Equals(LabelValues other) => _hash == other._hash && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => obj is LabelValues other && Equals(other);

    public override int GetHashCode() => _hash;
}
