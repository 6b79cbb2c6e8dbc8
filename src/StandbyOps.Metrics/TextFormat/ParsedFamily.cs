namespace StandbyOps.Metrics.TextFormat;

/// <summary>A family while the parser reads it: its samples so far and the per-series checks of histograms and summaries.</summary>
internal sealed class ParsedFamily
{
    private readonly List<MetricSample> _samples = [];
    private readonly HashSet<(string Name, LabelSet Labels)> _seen = [];
    private readonly Dictionary<LabelSet, SeriesShape> _shapes = [];
    private readonly List<SeriesShape> _shapesInOrder = [];
    private readonly string _bucketName;
    private readonly string _sumName;
    private readonly string _countName;

    public ParsedFamily(string name, int firstLine)
    {
        Name = name;
        FirstLine = firstLine;
        _bucketName = name + "_bucket";
        _sumName = name + "_sum";
        _countName = name + "_count";
    }

    private enum SampleKind
    {
        Plain,
        Bucket,
        Quantile,
        Sum,
        Count,
    }

    public string Name { get; }

    public int FirstLine { get; }

    public string? Help { get; set; }

    public MetricType Type { get; private set; }

    /// <summary>Set by a TYPE line, or fixed to untyped by the first sample.</summary>
    public bool HasType { get; private set; }

    /// <summary>Set by a TYPE line.</summary>
    public bool HasTypeLine { get; private set; }

    public bool HasSamples => _samples.Count > 0;

    /// <summary>Another family has started after this one; it may not continue.</summary>
    public bool IsClosed { get; private set; }

    public void DeclareType(MetricType type)
    {
        Type = type;
        HasType = true;
        HasTypeLine = true;
    }

    /// <summary>The sample name as a shared string, for a name that resolved to this family.</summary>
    public string SampleName(ReadOnlySpan<char> name)
    {
        foreach (var candidate in (ReadOnlySpan<string>)[Name, _bucketName, _sumName, _countName])
        {
            if (name.SequenceEqual(candidate))
            {
                return candidate;
            }
        }

        return name.ToString();
    }

    public void Add(string name, List<ParsedLabel> labels, double value, long? timestampMs, int line, int nameColumn, int valueColumn)
    {
        if (!HasType)
        {
            Type = MetricType.Untyped;
            HasType = true;
        }

        var kind = Classify(name, line, nameColumn);
        var specialLabel = kind switch
        {
            SampleKind.Bucket => MetricNames.BucketLabel,
            SampleKind.Quantile => MetricNames.QuantileLabel,
            SampleKind.Sum or SampleKind.Count when Type == MetricType.Histogram => MetricNames.BucketLabel,
            SampleKind.Sum or SampleKind.Count => MetricNames.QuantileLabel,
            _ => null,
        };

        var special = double.NaN;
        var specialColumn = nameColumn;
        var kept = 0;
        foreach (var label in labels)
        {
            kept += label.Value.Length > 0 ? 1 : 0;
        }

        var pairs = new Label[kept];
        kept = 0;
        foreach (var label in labels)
        {
            if (label.Value.Length == 0)
            {
                continue;
            }

            if (label.Name == specialLabel)
            {
                if (kind is SampleKind.Sum or SampleKind.Count)
                {
                    throw new TextFormatException(
                        line,
                        label.NameColumn,
                        $"label '{specialLabel}' is not allowed on '{name}'; only {(Type == MetricType.Histogram ? _bucketName : Name)} samples carry it");
                }

                special = ParseSpecialLabel(label, line);
                specialColumn = label.ValueColumn;
                pairs[kept++] = new Label(label.Name, GoFloat.Format(special));
                continue;
            }

            pairs[kept++] = new Label(label.Name, label.Value);
        }

        if (kind is SampleKind.Bucket or SampleKind.Quantile && double.IsNaN(special))
        {
            throw new TextFormatException(line, nameColumn, $"'{name}' needs a non-empty '{specialLabel}' label");
        }

        var labelSet = LabelSet.FromUnsorted(pairs);
        if (!_seen.Add((name, labelSet)))
        {
            throw new TextFormatException(line, nameColumn, $"duplicate series {name}{labelSet}");
        }

        if (kind != SampleKind.Plain)
        {
            var seriesKey = kind is SampleKind.Bucket or SampleKind.Quantile ? labelSet.Without(specialLabel!) : labelSet;
            if (!_shapes.TryGetValue(seriesKey, out var shape))
            {
                shape = new SeriesShape(seriesKey, line);
                _shapes.Add(seriesKey, shape);
                _shapesInOrder.Add(shape);
            }

            Check(shape, kind, special, specialColumn, value, line, valueColumn);
        }

        _samples.Add(new MetricSample(name, labelSet, value, timestampMs));
    }

    /// <summary>Ends the family, checking what can only be known once all its lines are read.</summary>
    public void Close()
    {
        IsClosed = true;
        if (Type != MetricType.Histogram)
        {
            return;
        }

        foreach (var shape in _shapesInOrder)
        {
            if (shape.InfBucketCount is null)
            {
                throw new TextFormatException(shape.FirstLine, 1, $"histogram series {Name}{shape.Labels} has no bucket with le=\"+Inf\"");
            }

            if (shape.Count is null)
            {
                throw new TextFormatException(shape.FirstLine, 1, $"histogram series {Name}{shape.Labels} has no {_countName} sample");
            }
        }
    }

    public MetricFamily ToFamily() => new(Name, Help, Type, _samples.ToArray());

    private static double ParseSpecialLabel(ParsedLabel label, int line)
    {
        if (!GoFloat.TryParse(label.Value, out var parsed))
        {
            throw new TextFormatException(line, label.ValueColumn, $"invalid {label.Name} value '{label.Value}': expected a float");
        }

        if (double.IsNaN(parsed))
        {
            throw new TextFormatException(line, label.ValueColumn, $"{label.Name} value must not be NaN");
        }

        return parsed;
    }

    private SampleKind Classify(string name, int line, int nameColumn)
    {
        if (Type is not (MetricType.Histogram or MetricType.Summary))
        {
            return SampleKind.Plain;
        }

        if (ReferenceEquals(name, _sumName))
        {
            return SampleKind.Sum;
        }

        if (ReferenceEquals(name, _countName))
        {
            return SampleKind.Count;
        }

        if (Type == MetricType.Histogram)
        {
            return ReferenceEquals(name, _bucketName)
                ? SampleKind.Bucket
                : throw new TextFormatException(line, nameColumn, $"histogram '{Name}' takes only {_bucketName}, {_sumName} and {_countName} samples");
        }

        return SampleKind.Quantile;
    }

    private void Check(SeriesShape shape, SampleKind kind, double special, int specialColumn, double value, int line, int valueColumn)
    {
        switch (kind)
        {
            case SampleKind.Bucket:
                EnsureCount(value, line, valueColumn);
                if (shape.LastBound is { } previousBound && special <= previousBound)
                {
                    throw new TextFormatException(
                        line,
                        specialColumn,
                        $"bucket le=\"{GoFloat.Format(special)}\" must be greater than the previous bucket's le=\"{GoFloat.Format(previousBound)}\"");
                }

                if (value < shape.LastBucketCount)
                {
                    throw new TextFormatException(
                        line,
                        valueColumn,
                        $"bucket counts must be cumulative, but {GoFloat.Format(value)} is less than the previous bucket's {GoFloat.Format(shape.LastBucketCount)}");
                }

                shape.LastBound = special;
                shape.LastBucketCount = value;
                if (double.IsPositiveInfinity(special))
                {
                    shape.InfBucketCount = value;
                    EnsureCountMatches(shape, line, valueColumn);
                }

                break;

            case SampleKind.Quantile:
                if (shape.LastBound is { } previousQuantile && special <= previousQuantile)
                {
                    throw new TextFormatException(
                        line,
                        specialColumn,
                        $"quantile=\"{GoFloat.Format(special)}\" must be greater than the previous quantile=\"{GoFloat.Format(previousQuantile)}\"");
                }

                shape.LastBound = special;
                break;

            case SampleKind.Count:
                EnsureCount(value, line, valueColumn);
                shape.Count = value;
                if (Type == MetricType.Histogram)
                {
                    EnsureCountMatches(shape, line, valueColumn);
                }

                break;

            default:
                break;
        }
    }

    private static void EnsureCount(double value, int line, int valueColumn)
    {
        if (!(value >= 0))
        {
            throw new TextFormatException(line, valueColumn, $"a count must be a non-negative number, not {GoFloat.Format(value)}");
        }
    }

    private void EnsureCountMatches(SeriesShape shape, int line, int valueColumn)
    {
        if (shape.InfBucketCount is { } inf && shape.Count is { } count && inf != count)
        {
            throw new TextFormatException(
                line,
                valueColumn,
                $"{_countName}{shape.Labels} is {GoFloat.Format(count)} but its le=\"+Inf\" bucket is {GoFloat.Format(inf)}; they must be equal");
        }
    }

    /// <summary>What has been seen of one histogram or summary series (its labels without le/quantile).</summary>
    private sealed class SeriesShape(LabelSet labels, int firstLine)
    {
        public LabelSet Labels { get; } = labels;

        public int FirstLine { get; } = firstLine;

        public double? LastBound { get; set; }

        public double LastBucketCount { get; set; }

        public double? InfBucketCount { get; set; }

        public double? Count { get; set; }
    }
}
