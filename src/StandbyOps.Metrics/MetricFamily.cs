namespace StandbyOps.Metrics;

/// <summary>A named group of samples with one type and help text: the unit HELP/TYPE lines describe.</summary>
/// <remarks>
/// Samples are flat, as in the text format: a histogram family <c>x</c> holds its <c>x_bucket</c>,
/// <c>x_sum</c> and <c>x_count</c> lines, with the <c>le</c> label on the buckets.
/// </remarks>
public sealed class MetricFamily : IEquatable<MetricFamily>
{
    /// <summary>Creates a family; <paramref name="help"/> null or empty means no HELP line.</summary>
    public MetricFamily(string name, string? help, MetricType type, IReadOnlyList<MetricSample> samples)
    {
        MetricNames.EnsureValidMetricName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(samples);
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "unknown metric type");
        }

        Name = name;
        Help = string.IsNullOrEmpty(help) ? null : help;
        Type = type;
        Samples = samples;
    }

    /// <summary>The family name, as on the TYPE line.</summary>
    public string Name { get; }

    /// <summary>The unescaped help text, or null when there is none.</summary>
    public string? Help { get; }

    /// <summary>The declared type; untyped when there was no TYPE line.</summary>
    public MetricType Type { get; }

    /// <summary>The sample lines in exposition order.</summary>
    public IReadOnlyList<MetricSample> Samples { get; }

    /// <summary>
    /// This family with <paramref name="overrides"/> replacing or adding labels on every sample, as the Pushgateway
    /// applies a group's URL labels to its body. Overrides can make two series equal; <see cref="MetricFamilyMerger.Merge"/>
    /// reports that as a conflict.
    /// </summary>
    public MetricFamily WithLabelOverrides(LabelSet overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return this;
        }

        var samples = new MetricSample[Samples.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = Samples[i] with { Labels = Samples[i].Labels.WithOverrides(overrides) };
        }

        return new MetricFamily(Name, Help, Type, samples);
    }

    /// <inheritdoc/>
    public bool Equals(MetricFamily? other) =>
        other is not null
        && Name == other.Name
        && Help == other.Help
        && Type == other.Type
        && Samples.SequenceEqual(other.Samples);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MetricFamily);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Type, Samples.Count);

    /// <summary>The family in text format, for diagnostics.</summary>
    public override string ToString() => TextFormat.TextFormatWriter.Render([this]);
}
