namespace StandbyOps.Metrics;

/// <summary>Contributes ready-made families to a scrape, e.g. the groups pushed through the Pushgateway API.</summary>
/// <remarks>
/// Called on every scrape, possibly concurrently; add families to <c>families</c> and return. A family whose
/// name is also produced elsewhere is merged into one family, which requires the same type and distinct series.
/// </remarks>
public interface IMetricsSource
{
    /// <summary>Adds this source's current families.</summary>
    void Collect(ICollection<MetricFamily> families);
}
