namespace StandbyOps.Metrics.Instruments;

/// <summary>One labelled series of a <see cref="Counter"/>: a value that only goes up.</summary>
public sealed class CounterSeries
{
    // 2^53: whole numbers up to here convert to long and back without loss.
    private const double MaxWholeIncrement = 9007199254740992d;

    private long _whole;
    private long _fractionBits;

    internal CounterSeries(LabelSet labels) => Labels = labels;

    /// <summary>The labels of this series (empty values omitted).</summary>
    public LabelSet Labels { get; }

    /// <summary>The current value.</summary>
    public double Value => Interlocked.Read(ref _whole) + AtomicDouble.Read(ref _fractionBits);

    /// <summary>Adds <paramref name="amount"/>, which must not be negative or NaN.</summary>
    public void Inc(double amount = 1)
    {
        if (!(amount >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "a counter only goes up: the amount must be zero or more.");
        }

        // The common whole-number increment is one interlocked add; only fractions need the compare-exchange loop.
        if (amount <= MaxWholeIncrement && amount == Math.Floor(amount))
        {
            Interlocked.Add(ref _whole, (long)amount);
        }
        else
        {
            AtomicDouble.Add(ref _fractionBits, amount);
        }
    }
}
