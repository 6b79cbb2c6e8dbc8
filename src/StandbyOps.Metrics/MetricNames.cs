namespace StandbyOps.Metrics;

/// <summary>The classic (0.0.4) rules for metric and label names.</summary>
public static class MetricNames
{
    /// <summary>Label names with this prefix are reserved for Prometheus itself.</summary>
    public const string ReservedPrefix = "__";

    /// <summary>The bucket bound label of histogram samples.</summary>
    public const string BucketLabel = "le";

    /// <summary>The quantile label of summary samples.</summary>
    public const string QuantileLabel = "quantile";

    /// <summary><c>[a-zA-Z_:][a-zA-Z0-9_:]*</c></summary>
    public static bool IsValidMetricName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !IsMetricNameStart(name[0]))
        {
            return false;
        }

        foreach (var c in name[1..])
        {
            if (!IsMetricNamePart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>[a-zA-Z_][a-zA-Z0-9_]*</c>; says nothing about the reserved <c>__</c> prefix.</summary>
    public static bool IsValidLabelName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !IsLabelNameStart(name[0]))
        {
            return false;
        }

        foreach (var c in name[1..])
        {
            if (!IsLabelNamePart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for names starting with <c>__</c>.</summary>
    public static bool IsReservedLabelName(ReadOnlySpan<char> name) => name.StartsWith(ReservedPrefix, StringComparison.Ordinal);

    /// <summary>Throws unless <paramref name="name"/> is a valid metric name.</summary>
    public static void EnsureValidMetricName(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!IsValidMetricName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid metric name: it must match [a-zA-Z_:][a-zA-Z0-9_:]*.", paramName);
        }
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid, unreserved label name.</summary>
    public static void EnsureValidLabelName(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!IsValidLabelName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid label name: it must match [a-zA-Z_][a-zA-Z0-9_]*.", paramName);
        }

        if (IsReservedLabelName(name))
        {
            throw new ArgumentException($"label name '{name}' is reserved: names starting with '__' belong to Prometheus.", paramName);
        }
    }

    internal static bool IsMetricNameStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == ':';

    internal static bool IsMetricNamePart(char c) => IsMetricNameStart(c) || char.IsAsciiDigit(c);

    internal static bool IsLabelNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    internal static bool IsLabelNamePart(char c) => IsLabelNameStart(c) || char.IsAsciiDigit(c);
}
