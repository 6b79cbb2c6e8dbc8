namespace StandbyOps.Metrics.Exposition;

/// <summary>Contributes ready-rendered families (e.g. the groups pushed through the Pushgateway API) to every scrape.</summary>
/// <remarks>
/// Called on every scrape, possibly by many at once; a source should hand out the same <see cref="RenderedFamilies"/>
/// until its content changes. A family whose name the server also exposes is merged into one family (same type
/// required; otherwise the server's own family is kept and the source's left out).
/// </remarks>
public interface IMetricsSource
{
    /// <summary>The source's families as they are now.</summary>
    ValueTask<RenderedFamilies> SnapshotAsync(CancellationToken cancellationToken);
}
