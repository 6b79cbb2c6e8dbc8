namespace StandbyOps.Metrics.Instruments;

/// <summary>A histogram family with fixed bucket bounds; pick a series with <see cref="WithLabels"/>.</summary>
public sealed class Histogram : IRegisteredMetric
{
    private readonly SeriesMap<HistogramSeries> _series;
    private readonly string _bucketName;
    private readonly string _sumName;
    private readonly string _countName;

    internal Histogram(string name, MetricShape shape)
    {
        Name = name;
        Shape = shape;
        _bucketName = name + "_bucket";
        _sumName = name + "_sum";
        _countName = name + "_count";
        _series = new SeriesMap<HistogramSeries>(name, shape.LabelNames, labels => new HistogramSeries(labels, shape.Buckets));
    }

    /// <summary>The family name.</summary>
    public string Name { get; }

    /// <summary>The label names, in the order <see cref="WithLabels"/> takes their values.</summary>
    public IReadOnlyList<string> LabelNames => Shape.LabelNames;

    /// <summary>The finite upper bounds, increasing; the <c>+Inf</c> bucket is implied.</summary>
    public IReadOnlyList<double> Buckets => Shape.Buckets;

    MetricShape IRegisteredMetric.Shape => Shape;

    private MetricShape Shape { get; }

    /// <summary>The series for these label values (one per label name, in order); keep it for hot paths.</summary>
    public HistogramSeries WithLabels(params string[] labelValues) => _series.Get(labelValues);

    /// <summary>Records an observation in the unlabelled series; only for a histogram without labels.</summary>
    public void Observe(double value) => _series.Unlabelled.Observe(value);

    void IRegisteredMetric.Collect(ICollection<MetricFamily> families)
    {
        var samples = new List<MetricSample>();
        foreach (var series in _series.All)
        {
            series.Collect(samples, _bucketName, _sumName, _countName);
        }

        families.Add(new MetricFamily(Name, Shape.Help, MetricType.Histogram, samples));
    }
}
