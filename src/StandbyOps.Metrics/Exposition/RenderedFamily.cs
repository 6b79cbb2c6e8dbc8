namespace StandbyOps.Metrics.Exposition;

/// <summary>A merged family together with its text-format lines (HELP, TYPE and samples) as UTF-8, rendered once.</summary>
/// <param name="Family">The family; its samples are used only when another producer exposes the same name.</param>
/// <param name="Text">The family as it goes on the wire.</param>
public sealed record RenderedFamily(MetricFamily Family, ReadOnlyMemory<byte> Text);
