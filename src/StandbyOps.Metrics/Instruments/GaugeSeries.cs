namespace StandbyOps.Metrics.Instruments;

/// <summary>One labelled series of a <see cref="Gauge"/>: a value that goes up and down.</summary>
public sealed class GaugeSeries
{
    private long _bits;

    internal GaugeSeries(LabelSet labels) => Labels = labels;

    /// <summary>The labels of this series (empty values omitted).</summary>
    public LabelSet Labels { get; }

    /// <summary>The current value.</summary>
    public double Value => AtomicDouble.Read(ref _bits);

    /// <summary>Replaces the value.</summary>
    public void Set(double value) => AtomicDouble.Set(ref _bits, value);

    /// <summary>Adds <paramref name="amount"/>.</summary>
    public void Inc(double amount = 1) => AtomicDouble.Add(ref _bits, amount);

    /// <summary>Subtracts <paramref name="amount"/>.</summary>
    public void Dec(double amount = 1) => AtomicDouble.Add(ref _bits, -amount);
}
