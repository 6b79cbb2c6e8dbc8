namespace StandbyOps.Metrics.Instruments;

/// <summary>One labelled series of a <see cref="Histogram"/>: observation counts per bucket and their sum.</summary>
public sealed class HistogramSeries
{
    // Above this many bounds a binary search beats the linear scan.
    private const int LinearSearchLimit = 16;

    private readonly double[] _bounds;
    private readonly long[] _counts;
    private readonly LabelSet[] _bucketLabels;
    private long _sumBits;

    internal HistogramSeries(LabelSet labels, double[] bounds)
    {
        Labels = labels;
        _bounds = bounds;
        _counts = new long[bounds.Length + 1];
        _bucketLabels = new LabelSet[bounds.Length + 1];
        for (var i = 0; i < bounds.Length; i++)
        {
            _bucketLabels[i] = labels.With(MetricNames.BucketLabel, TextFormat.GoFloat.Format(bounds[i]));
        }

        _bucketLabels[^1] = labels.With(MetricNames.BucketLabel, "+Inf");
    }

    /// <summary>The labels of this series (empty values omitted), without <c>le</c>.</summary>
    public LabelSet Labels { get; }

    /// <summary>The number of observations.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                total += Interlocked.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>The sum of all observations.</summary>
    public double Sum => AtomicDouble.Read(ref _sumBits);

    /// <summary>Records one observation; NaN lands in the <c>+Inf</c> bucket and makes the sum NaN, as in Go's client.</summary>
    public void Observe(double value)
    {
        Interlocked.Increment(ref _counts[BucketIndex(value)]);
        AtomicDouble.Add(ref _sumBits, value);
    }

    internal void Collect(List<MetricSample> samples, string bucketName, string sumName, string countName)
    {
        // The count is the total of the buckets read here, so it always equals the +Inf bucket even while
        // observations race with the scrape.
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            samples.Add(new MetricSample(bucketName, _bucketLabels[i], cumulative));
        }

        samples.Add(new MetricSample(sumName, Labels, Sum));
        samples.Add(new MetricSample(countName, Labels, cumulative));
    }

    private int BucketIndex(double value)
    {
        if (_bounds.Length > LinearSearchLimit)
        {
            var found = Array.BinarySearch(_bounds, value);
            return found >= 0 ? found : ~found;
        }

        var i = 0;
        while (i < _bounds.Length && !(value <= _bounds[i]))
        {
            i++;
        }

        return i;
    }
}
