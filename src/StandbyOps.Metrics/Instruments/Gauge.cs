namespace StandbyOps.Metrics.Instruments;

/// <summary>A gauge family; pick a series with <see cref="WithLabels"/>.</summary>
public sealed class Gauge : IRegisteredMetric
{
    private readonly SeriesMap<GaugeSeries> _series;

    internal Gauge(string name, MetricShape shape)
    {
        Name = name;
        Shape = shape;
        _series = new SeriesMap<GaugeSeries>(name, shape.LabelNames, labels => new GaugeSeries(labels));
    }

    /// <summary>The family name.</summary>
    public string Name { get; }

    /// <summary>The label names, in the order <see cref="WithLabels"/> takes their values.</summary>
    public IReadOnlyList<string> LabelNames => Shape.LabelNames;

    /// <summary>The value of the unlabelled series; only for a gauge without labels.</summary>
    public double Value => _series.Unlabelled.Value;

    MetricShape IRegisteredMetric.Shape => Shape;

    private MetricShape Shape { get; }

    /// <summary>The series for these label values (one per label name, in order); keep it for hot paths.</summary>
    public GaugeSeries WithLabels(params string[] labelValues) => _series.Get(labelValues);

    /// <summary>Sets the unlabelled series; only for a gauge without labels.</summary>
    public void Set(double value) => _series.Unlabelled.Set(value);

    /// <summary>Adds to the unlabelled series; only for a gauge without labels.</summary>
    public void Inc(double amount = 1) => _series.Unlabelled.Inc(amount);

    /// <summary>Subtracts from the unlabelled series; only for a gauge without labels.</summary>
    public void Dec(double amount = 1) => _series.Unlabelled.Dec(amount);

    void IRegisteredMetric.Collect(ICollection<MetricFamily> families)
    {
        var samples = new List<MetricSample>();
        foreach (var series in _series.All)
        {
            samples.Add(new MetricSample(Name, series.Labels, series.Value));
        }

        families.Add(new MetricFamily(Name, Shape.Help, MetricType.Gauge, samples));
    }
}
