namespace StandbyOps.Metrics.Instruments;

/// <summary>Ready-made histogram bucket bounds.</summary>
public static class HistogramBuckets
{
    /// <summary>Go client's defaults, for latencies in seconds: 5 ms to 10 s.</summary>
    public static IReadOnlyList<double> Default { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary><paramref name="count"/> bounds starting at <paramref name="start"/>, each <paramref name="width"/> apart.</summary>
    public static double[] Linear(double start, double width, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var bounds = new double[count];
        for (var i = 0; i < count; i++)
        {
            bounds[i] = start + (i * width);
        }

        return bounds;
    }

    /// <summary><paramref name="count"/> bounds starting at <paramref name="start"/>, each <paramref name="factor"/> times the last.</summary>
    public static double[] Exponential(double start, double factor, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(factor, 1);
        var bounds = new double[count];
        bounds[0] = start;
        for (var i = 1; i < count; i++)
        {
            bounds[i] = bounds[i - 1] * factor;
        }

        return bounds;
    }
}
