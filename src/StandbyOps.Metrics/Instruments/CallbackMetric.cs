namespace StandbyOps.Metrics.Instruments;

/// <summary>A counter or gauge whose series are read from a callback at scrape time.</summary>
internal sealed class CallbackMetric(string name, MetricShape shape, Func<IEnumerable<LabelledValue>> read) : IRegisteredMetric
{
    public string Name { get; } = name;

    public MetricShape Shape { get; } = shape;

    public void Collect(ICollection<MetricFamily> families)
    {
        var labelNames = Shape.LabelNames;
        var samples = new List<MetricSample>();
        foreach (var (labelValues, value) in read())
        {
            if (labelValues is null || labelValues.Count != labelNames.Length)
            {
                throw new InvalidOperationException(
                    $"the callback of metric '{Name}' returned {labelValues?.Count ?? 0} label value(s); it has {labelNames.Length} label(s) ({string.Join(", ", labelNames)}).");
            }

            var labels = new List<Label>(labelNames.Length);
            for (var i = 0; i < labelNames.Length; i++)
            {
                var labelValue = labelValues[i] ?? throw new InvalidOperationException($"the callback of metric '{Name}' returned a null value for label '{labelNames[i]}'.");
                if (labelValue.Length > 0)
                {
                    labels.Add(new Label(labelNames[i], labelValue));
                }
            }

            samples.Add(new MetricSample(Name, LabelSet.FromUnsorted([.. labels]), value));
        }

        families.Add(new MetricFamily(Name, Shape.Help, Shape.Type, samples));
    }
}
