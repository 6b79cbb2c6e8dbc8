namespace StandbyOps.Metrics.TextFormat;

/// <summary>The lowercase type names of the <c># TYPE</c> line.</summary>
internal static class MetricTypeNames
{
    public static string Of(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        _ => "untyped",
    };

    /// <summary>Case-insensitive, like Go's parser, which upper-cases the token before looking it up.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out MetricType type)
    {
        foreach (var candidate in (ReadOnlySpan<MetricType>)[MetricType.Counter, MetricType.Gauge, MetricType.Histogram, MetricType.Summary, MetricType.Untyped])
        {
            if (text.Equals(Of(candidate), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = MetricType.Untyped;
        return false;
    }
}
