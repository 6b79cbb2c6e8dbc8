namespace StandbyOps.Metrics.Instruments;

/// <summary>What a registration asks for; registering a name again must ask for the same shape.</summary>
internal sealed class MetricShape(MetricType type, bool isCallback, string help, string[] labelNames, double[] buckets)
    : IEquatable<MetricShape>
{
    public MetricType Type { get; } = type;

    public bool IsCallback { get; } = isCallback;

    public string Help { get; } = help;

    public string[] LabelNames { get; } = labelNames;

    public double[] Buckets { get; } = buckets;

    public bool Equals(MetricShape? other) =>
        other is not null
        && Type == other.Type
        && IsCallback == other.IsCallback
        && Help == other.Help
        && LabelNames.AsSpan().SequenceEqual(other.LabelNames)
        && Buckets.AsSpan().SequenceEqual(other.Buckets);

    public override bool Equals(object? obj) => Equals(obj as MetricShape);

    public override int GetHashCode() => HashCode.Combine(Type, IsCallback, Help, LabelNames.Length, Buckets.Length);

    public override string ToString()
    {
        var kind = TextFormat.MetricTypeNames.Of(Type) + (IsCallback ? " callback" : "");
        var labels = LabelNames.Length == 0 ? "no labels" : $"labels ({string.Join(", ", LabelNames)})";
        var buckets = Type == MetricType.Histogram ? $", buckets [{string.Join(", ", Buckets.Select(TextFormat.GoFloat.Format))}]" : "";
        return $"{kind} with {labels}{buckets} and help \"{Help}\"";
    }
}
