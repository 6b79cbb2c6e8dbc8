namespace StandbyOps.Metrics.Instruments;

/// <summary>A metric the registry owns and asks for its family on every scrape.</summary>
internal interface IRegisteredMetric
{
    string Name { get; }

    MetricShape Shape { get; }

    void Collect(ICollection<MetricFamily> families);
}
