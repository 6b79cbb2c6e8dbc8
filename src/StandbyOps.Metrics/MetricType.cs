namespace StandbyOps.Metrics;

/// <summary>The type of a metric family, as named on its <c># TYPE</c> line.</summary>
public enum MetricType
{
    Untyped,
    Counter,
    Gauge,
    Histogram,
    Summary,
}
