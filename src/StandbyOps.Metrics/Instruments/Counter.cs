namespace StandbyOps.Metrics.Instruments;

/// <summary>A counter family (name ends in <c>_total</c>); pick a series with <see cref="WithLabels"/>.</summary>
public sealed class Counter : IRegisteredMetric
{
    private readonly SeriesMap<CounterSeries> _series;

    internal Counter(string name, MetricShape shape)
    {
        Name = name;
        Shape = shape;
        _series = new SeriesMap<CounterSeries>(name, shape.LabelNames, labels => new CounterSeries(labels));
    }

    /// <summary>The family name.</summary>
    public string Name { get; }

    /// <summary>The label names, in the order <see cref="WithLabels"/> takes their values.</summary>
    public IReadOnlyList<string> LabelNames => Shape.LabelNames;

    /// <summary>The value of the unlabelled series; only for a counter without labels.</summary>
    public double Value => _series.Unlabelled.Value;

    MetricShape IRegisteredMetric.Shape => Shape;

    private MetricShape Shape { get; }

    /// <summary>The series for these label values (one per label name, in order); keep it for hot paths.</summary>
    public CounterSeries WithLabels(params string[] labelValues) => _series.Get(labelValues);

    /// <summary>Adds to the unlabelled series; only for a counter without labels.</summary>
    public void Inc(double amount = 1) => _series.Unlabelled.Inc(amount);

    void IRegisteredMetric.Collect(ICollection<MetricFamily> families)
    {
        var samples = new List<MetricSample>();
        foreach (var series in _series.All)
        {
            samples.Add(new MetricSample(Name, series.Labels, series.Value));
        }

        families.Add(new MetricFamily(Name, Shape.Help, MetricType.Counter, samples));
    }
}
