using System.Globalization;
using StandbyOps.Metrics.TextFormat;

namespace StandbyOps.Metrics;

/// <summary>One line of the exposition: a sample name (e.g. <c>x_bucket</c>), its labels, value and optional timestamp.</summary>
/// <param name="TimestampMs">Milliseconds since the Unix epoch, or null when the line has none.</param>
public sealed record MetricSample(string Name, LabelSet Labels, double Value, long? TimestampMs = null)
{
    /// <summary>The sample name, e.g. <c>x_bucket</c> in histogram family <c>x</c>.</summary>
    public string Name { get; init; } = Name ?? throw new ArgumentNullException(nameof(Name));

    /// <summary>The labels, including <c>le</c> or <c>quantile</c> where they apply.</summary>
    public LabelSet Labels { get; init; } = Labels ?? throw new ArgumentNullException(nameof(Labels));

    /// <summary>The sample as a text-format line without the trailing newline.</summary>
    public override string ToString() =>
        TimestampMs is { } ms
            ? $"{Name}{Labels} {GoFloat.Format(Value)} {ms.ToString(CultureInfo.InvariantCulture)}"
            : $"{Name}{Labels} {GoFloat.Format(Value)}";
}
