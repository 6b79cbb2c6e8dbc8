using System.Collections.Concurrent;

namespace StandbyOps.Metrics.Instruments;

/// <summary>The series of one metric, keyed by label values; the part Counter, Gauge and Histogram share.</summary>
internal sealed class SeriesMap<TSeries>
    where TSeries : class
{
    private readonly string _metricName;
    private readonly string[] _labelNames;
    private readonly Func<LabelSet, TSeries> _create;
    private readonly ConcurrentDictionary<LabelValues, TSeries> _series = new();
    private readonly TSeries? _unlabelled;

    public SeriesMap(string metricName, string[] labelNames, Func<LabelSet, TSeries> create)
    {
        _metricName = metricName;
        _labelNames = labelNames;
        _create = create;
        if (labelNames.Length == 0)
        {
            // A metric without labels is exposed from the start (as 0), like Go's client does.
            _unlabelled = create(LabelSet.Empty);
            _series[new LabelValues([])] = _unlabelled;
        }
    }

    public TSeries Unlabelled => _unlabelled ?? throw new InvalidOperationException(
        $"metric '{_metricName}' has labels ({string.Join(", ", _labelNames)}); pick a series with WithLabels(...) first.");

    public ICollection<TSeries> All => _series.Values;

    public TSeries Get(string[] labelValues)
    {
        ArgumentNullException.ThrowIfNull(labelValues);
        if (labelValues.Length != _labelNames.Length)
        {
            throw new ArgumentException(
                $"metric '{_metricName}' has {_labelNames.Length} label(s) ({string.Join(", ", _labelNames)}) but {labelValues.Length} value(s) were given.",
                nameof(labelValues));
        }

        if (_series.TryGetValue(new LabelValues(labelValues), out var existing))
        {
            return existing;
        }

        foreach (var value in labelValues)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(labelValues));
        }

        // Copy: the caller may reuse its array, and the key must not change under the dictionary.
        var copy = (string[])labelValues.Clone();
        return _series.GetOrAdd(new LabelValues(copy), _ => _create(ToLabelSet(copy)));
    }

    private LabelSet ToLabelSet(string[] values)
    {
        var labels = new List<Label>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length > 0)
            {
                labels.Add(new Label(_labelNames[i], values[i]));
            }
        }

        return LabelSet.FromUnsorted([.. labels]);
    }
}
