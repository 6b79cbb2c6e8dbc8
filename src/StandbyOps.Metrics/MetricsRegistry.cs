using StandbyOps.Metrics.Instruments;

namespace StandbyOps.Metrics;

/// <summary>The process's metrics: registers counters, gauges, histograms and callbacks, and collects them with any extra sources.</summary>
/// <remarks>
/// Names are checked at registration so that the exposition passes <c>promtool check metrics</c>'s structural
/// lints: counters end in <c>_total</c> and nothing else does; only histograms produce <c>_bucket</c>,
/// <c>_sum</c> and <c>_count</c>; <c>le</c> and <c>quantile</c> are not label names. Registering a name again
/// with the same shape returns the existing metric; any other shape throws. Thread-safe.
/// </remarks>
public sealed class MetricsRegistry
{
    private static readonly string[] ReservedSuffixes = ["_bucket", "_sum", "_count"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IRegisteredMetric> _byName = new(StringComparer.Ordinal);

    // Copy-on-write arrays, so a scrape reads them without taking the lock.
    private IRegisteredMetric[] _metrics = [];
    private IMetricsSource[] _sources = [];

    /// <summary>Registers (or returns the existing) counter; <paramref name="name"/> must end in <c>_total</c>.</summary>
    public Counter Counter(string name, string help, params string[] labelNames)
    {
        var shape = Shape(name, help, MetricType.Counter, isCallback: false, labelNames, []);
        return Register(name, shape, () => new Counter(name, shape));
    }

    /// <summary>Registers (or returns the existing) gauge.</summary>
    public Gauge Gauge(string name, string help, params string[] labelNames)
    {
        var shape = Shape(name, help, MetricType.Gauge, isCallback: false, labelNames, []);
        return Register(name, shape, () => new Gauge(name, shape));
    }

    /// <summary>Registers (or returns the existing) histogram with increasing finite <paramref name="buckets"/>; <c>+Inf</c> is implied.</summary>
    public Histogram Histogram(string name, string help, IReadOnlyList<double> buckets, params string[] labelNames)
    {
        var shape = Shape(name, help, MetricType.Histogram, isCallback: false, labelNames, ValidBuckets(buckets));
        return Register(name, shape, () => new Histogram(name, shape));
    }

    /// <summary>Exposes a counter read from <paramref name="read"/> at each scrape, until the result is disposed.</summary>
    public IDisposable CounterFunc(string name, string help, Func<double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return CounterFunc(name, help, [], () => [new LabelledValue([], read())]);
    }

    /// <summary>Exposes counter series read from <paramref name="read"/> at each scrape, until the result is disposed.</summary>
    public IDisposable CounterFunc(string name, string help, IReadOnlyList<string> labelNames, Func<IEnumerable<LabelledValue>> read) =>
        RegisterCallback(name, help, MetricType.Counter, labelNames, read);

    /// <summary>Exposes a gauge read from <paramref name="read"/> at each scrape, until the result is disposed.</summary>
    public IDisposable GaugeFunc(string name, string help, Func<double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return GaugeFunc(name, help, [], () => [new LabelledValue([], read())]);
    }

    /// <summary>
    /// Exposes gauge series read from <paramref name="read"/> at each scrape, until the result is disposed;
    /// e.g. a mailbox depth per actor, without the actor kernel depending on this project.
    /// </summary>
    public IDisposable GaugeFunc(string name, string help, IReadOnlyList<string> labelNames, Func<IEnumerable<LabelledValue>> read) =>
        RegisterCallback(name, help, MetricType.Gauge, labelNames, read);

    /// <summary>Adds a source of ready-made families (e.g. pushed groups) to every scrape, until the result is disposed.</summary>
    public IDisposable AddSource(IMetricsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            _sources = [.. _sources, source];
        }

        return new Registration(() =>
        {
            lock (_gate)
            {
                _sources = [.. _sources.Where(s => !ReferenceEquals(s, source))];
            }
        });
    }

    /// <summary>Reads every metric and source and returns the merged families, ordered by name, ready to write.</summary>
    /// <exception cref="MetricsConflictException">A source disagrees with a metric or another source on a family's type, or repeats a series.</exception>
    /// <exception cref="InvalidOperationException">A callback returned the wrong number of label values.</exception>
    public IReadOnlyList<MetricFamily> Collect()
    {
        var families = new List<MetricFamily>();
        foreach (var metric in Volatile.Read(ref _metrics))
        {
            metric.Collect(families);
        }

        foreach (var source in Volatile.Read(ref _sources))
        {
            source.Collect(families);
        }

        return MetricFamilyMerger.Merge(families);
    }

    private static MetricShape Shape(string name, string help, MetricType type, bool isCallback, IReadOnlyList<string> labelNames, double[] buckets)
    {
        MetricNames.EnsureValidMetricName(name, nameof(name));
        if (name.StartsWith(MetricNames.ReservedPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"metric name '{name}' is reserved: names starting with '__' belong to Prometheus.", nameof(name));
        }

        var isCounter = type == MetricType.Counter;
        if (isCounter != name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                isCounter ? $"counter '{name}' must end in '_total'." : $"only counters end in '_total'; '{name}' is a {TextFormat.MetricTypeNames.Of(type)}.",
                nameof(name));
        }

        foreach (var suffix in ReservedSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' ends in '{suffix}', which is reserved for the samples of histograms and summaries.", nameof(name));
            }
        }

        if (string.IsNullOrWhiteSpace(help))
        {
            throw new ArgumentException($"metric '{name}' needs help text.", nameof(help));
        }

        ArgumentNullException.ThrowIfNull(labelNames);
        var names = labelNames.ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            MetricNames.EnsureValidLabelName(names[i], nameof(labelNames));
            if (names[i] is MetricNames.BucketLabel or MetricNames.QuantileLabel)
            {
                throw new ArgumentException($"label name '{names[i]}' is reserved for histogram buckets and summary quantiles.", nameof(labelNames));
            }

            if (Array.IndexOf(names, names[i], 0, i) >= 0)
            {
                throw new ArgumentException($"label name '{names[i]}' occurs more than once.", nameof(labelNames));
            }
        }

        return new MetricShape(type, isCallback, help, names, buckets);
    }

    private static double[] ValidBuckets(IReadOnlyList<double> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var bounds = buckets.ToList();

        // Go's client accepts an explicit trailing +Inf and drops it; the +Inf bucket always exists.
        if (bounds.Count > 0 && double.IsPositiveInfinity(bounds[^1]))
        {
            bounds.RemoveAt(bounds.Count - 1);
        }

        for (var i = 0; i < bounds.Count; i++)
        {
            if (!double.IsFinite(bounds[i]))
            {
                throw new ArgumentException($"bucket bound {TextFormat.GoFloat.Format(bounds[i])} is not finite; only a last +Inf is allowed.", nameof(buckets));
            }

            if (i > 0 && !(bounds[i] > bounds[i - 1]))
            {
                throw new ArgumentException(
                    $"bucket bounds must increase, but {TextFormat.GoFloat.Format(bounds[i])} follows {TextFormat.GoFloat.Format(bounds[i - 1])}.",
                    nameof(buckets));
            }
        }

        return [.. bounds];
    }

    private T Register<T>(string name, MetricShape shape, Func<T> create)
        where T : class, IRegisteredMetric
    {
        lock (_gate)
        {
            if (_byName.TryGetValue(name, out var existing))
            {
                if (existing is T same && existing.Shape.Equals(shape))
                {
                    return same;
                }

                throw new ArgumentException($"metric '{name}' is already registered as a {existing.Shape}; it cannot also be a {shape}.", nameof(name));
            }

            var metric = create();
            _byName.Add(name, metric);
            _metrics = [.. _metrics, metric];
            return metric;
        }
    }

    private Registration RegisterCallback(string name, string help, MetricType type, IReadOnlyList<string> labelNames, Func<IEnumerable<LabelledValue>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var shape = Shape(name, help, type, isCallback: true, labelNames, []);
        CallbackMetric metric;
        lock (_gate)
        {
            // Two callbacks cannot be told apart, so a second registration of the name is always a mistake.
            if (_byName.TryGetValue(name, out var existing))
            {
                throw new ArgumentException($"metric '{name}' is already registered as a {existing.Shape}.", nameof(name));
            }

            metric = new CallbackMetric(name, shape, read);
            _byName.Add(name, metric);
            _metrics = [.. _metrics, metric];
        }

        return new Registration(() =>
        {
            lock (_gate)
            {
                if (_byName.TryGetValue(name, out var current) && ReferenceEquals(current, metric))
                {
                    _byName.Remove(name);
                    _metrics = [.. _metrics.Where(m => !ReferenceEquals(m, metric))];
                }
            }
        });
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                remove();
            }
        }
    }
}
